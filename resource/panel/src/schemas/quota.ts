import type { ListSchema } from './types'

export const ledger: ListSchema = {
  list: '/quota/ledger/list',
  exportFile: { code: 'Quota:Ledger:Export', url: '/quota/ledger/export' },
}
export const withdrawals: ListSchema = {
  list: '/quota/withdrawals/list',
  create: { code: 'Quota:Withdrawal:Create', url: '/quota/withdrawals', fields: [{ key: 'amount', type: 'number', required: true }, { key: 'account', required: true }] },
  actions: [
    { label: 'approve', code: 'Quota:Withdrawal:Approve', confirm: true, method: 'put', url: (r) => `/quota/withdrawals/${r.id}/approve`, show: (r) => r.status === 'pending' },
    { label: 'reject', code: 'Quota:Withdrawal:Approve', danger: true, method: 'put', url: (r) => `/quota/withdrawals/${r.id}/reject`, show: (r) => r.status === 'pending' },
  ],
}
export const reviews: ListSchema = {
  list: '/quota/reviews/list',
  actions: [
    { label: 'approve', code: 'Quota:Review:Decide', confirm: true, method: 'put', url: (r) => `/quota/reviews/${r.id}/approve`, show: (r) => r.status === 'pending' },
    { label: 'reject', code: 'Quota:Review:Decide', danger: true, method: 'put', url: (r) => `/quota/reviews/${r.id}/reject`, show: (r) => r.status === 'pending' },
  ],
}
export const alerts: ListSchema = { list: '/quota/alerts/list' }
