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
export const alerts: ListSchema = {
  list: '/security/alerts/list',
  filters: [
    { key: 'status', type: 'select', options: opts(['firing', 'resolved']) },
    { key: 'check', type: 'select', options: opts(['db', 'redis', 'jobs', 'http_errors', 'disk', 'backup_age']) },
  ],
}
export const sms: ListSchema = {
  list: '/security/sms/log/list',
  filters: [
    { key: 'from', placeholder: 'RFC 3339' }, { key: 'to', placeholder: 'RFC 3339' }, { key: 'template' },
    { key: 'result', type: 'select', options: opts(['sent', 'failed']) }, { key: 'last4' },
  ],
  // A test send of an approved template; its parameters as one "name=value" a line.
  toolbar: [{
    label: 'smsTest', code: 'Security:Sms:Test', method: 'post', url: () => '/security/sms/test',
    fields: [{ key: 'phone', required: true }, { key: 'template', required: true }, { key: 'params', type: 'list', placeholder: 'check=db' }],
    body: (_, f) => ({
      phone: f.phone, template: f.template,
      params: Object.fromEntries((f.params || []).map((l: string) => l.split('=')).filter((kv: string[]) => kv.length === 2).map((kv: string[]) => [kv[0].trim(), kv[1].trim()])),
    }),
  }],
}
