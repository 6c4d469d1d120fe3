import { reactive } from 'vue'
import { api, token } from './api'

// What /user/info, /auth/codes and /menu/all told about the signed-in user.
export interface MenuNode {
  name: string
  path: string
  component?: string
  redirect?: string
  meta: { title: string; icon?: string; order?: number; hideInMenu?: boolean; [k: string]: any }
  children?: MenuNode[]
}

export const session = reactive({
  loaded: false,
  user: null as null | { userId: number; username: string; realName: string; roles: string[]; homePath: string },
  codes: new Set<string>(),
  menus: [] as MenuNode[],
})

export async function loadSession() {
  const [user, codes, menus] = await Promise.all([
    api.get('/user/info'), api.get<string[]>('/auth/codes'), api.get<MenuNode[]>('/menu/all'),
  ])
  session.user = user
  session.codes = new Set(codes || [])
  session.menus = menus || []
  session.loaded = true
}

// Menu titles are localized by the server, so a language switch reloads only the menus.
export async function reloadMenus() {
  session.menus = (await api.get<MenuNode[]>('/menu/all')) || []
}

export function can(code?: string): boolean {
  return !code || session.codes.has(code)
}

export async function logout() {
  try { await api.post('/auth/logout', { withCredentials: true }, true) } catch { /* gone already */ }
  token.clear()
  session.loaded = false
  session.user = null
  session.codes = new Set()
  session.menus = []
}
