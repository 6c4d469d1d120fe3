import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN'
import en from './locales/en'

// zh-CN first; the choice is kept in localStorage and sent as Accept-Language, so the
// server's menu titles and error texts follow it too.
const KEY = 'kami.locale'
const initial = localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN'

export const i18n = createI18n({ legacy: false, locale: initial, fallbackLocale: 'zh-CN', messages: { 'zh-CN': zhCN, en } })

export function currentLocale(): string {
  return (i18n.global.locale as any).value
}

export function setLocale(l: 'zh-CN' | 'en') {
  ;(i18n.global.locale as any).value = l
  localStorage.setItem(KEY, l)
  document.documentElement.lang = l
}
