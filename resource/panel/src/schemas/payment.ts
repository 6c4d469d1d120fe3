import type { ListSchema } from './types'

const opts = (vs: string[]) => vs.map((v) => ({ label: v, value: v }))

// Top-up orders in the caller's scope: detail with the payment log, ask the provider about a
// pending one, and the super-admin's refund (idempotent: a double click refunds once).
export const orders: ListSchema = {
  list: '/payment/orders/list',
  columns: [
    { key: 'id', width: 70, sortable: true }, { key: 'username' }, { key: 'channel', width: 90 }, { key: 'outTradeNo' },
    { key: 'amount', width: 100, sortable: true }, { key: 'status', width: 100 }, { key: 'paidAt' }, { key: 'createdAt', sortable: true },
  ],
  filters: [
    { key: 'status', type: 'select', options: opts(['pending', 'paid', 'closed', 'refunding', 'refunded']) },
    { key: 'channel', type: 'select', options: opts(['alipay', 'wechat']) },
    { key: 'userId' },
  ],
  actions: [
    { label: 'orderLog', code: 'Payment:Order:List', detail: (r) => `/payment/orders/${r.id}` },
    { label: 'queryOrder', code: 'Payment:Order:Query', method: 'post', url: (r) => `/payment/orders/${r.id}/query`, show: (r) => r.status === 'pending' },
    { label: 'refund', code: 'Payment:Order:Refund', danger: true, idempotent: true, method: 'post', show: (r) => r.status === 'paid',
      url: (r) => `/payment/orders/${r.id}/refund`, fields: [{ key: 'reason' }] },
  ],
}
