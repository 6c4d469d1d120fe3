import type { ListSchema } from './types'

const opts = (vs: string[]) => vs.map((v) => ({ label: v, value: v }))

export const log: ListSchema = {
  list: '/security/log/list',
  filters: [
    { key: 'from', placeholder: 'RFC 3339' }, { key: 'to', placeholder: 'RFC 3339' }, { key: 'username' },
    { key: 'kind', type: 'select', options: opts(['new_region', 'burst', 'login_lock']) },
    { key: 'severity', type: 'select', options: opts(['info', 'warning', 'critical']) },
    { key: 'measure', type: 'select', options: opts(['notify', 'captcha', 'lock']) }, { key: 'ip' },
  ],
  exportFile: { code: 'Security:Log:List', url: '/security/log/export' },
}
export const locks: ListSchema = {
  list: '/security/locks/list',
  filters: [{ key: 'userId' }],
  actions: [{ label: 'unlock', code: 'Security:Lock:Unlock', confirm: true, method: 'post', url: (r) => `/security/locks/${r.id}/unlock`, body: () => ({}) }],
}
