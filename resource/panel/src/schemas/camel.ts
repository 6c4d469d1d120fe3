import type { ListSchema } from './types'

const opts = (vs: string[]) => vs.map((v) => ({ label: v, value: v }))

const importResult = (d: any) => ({
  created: d.created, duplicates: d.duplicates, failed: d.failed,
  ...(d.errors?.length ? { errors: d.errors.map((e: any) => `#${e.row}: ${e.reason}`).join('; ') } : {}),
})

// The account pool: staff add accounts by hand or acquire new ones through the SMS platform;
// a disabled account goes back to pending_login to be used again.
export const accounts: ListSchema = {
  list: '/camel-oil/accounts/list',
  columns: [
    { key: 'id', width: 70 }, { key: 'phone' }, { key: 'status', width: 110 }, { key: 'dailyLimit', width: 90 },
    { key: 'dailyOrderCount', width: 90 }, { key: 'totalPaidAmount' }, { key: 'failCount', width: 80 }, { key: 'failureReason' }, { key: 'lastUsedAt' },
  ],
  filters: [{ key: 'keyword' }, { key: 'status', type: 'select', options: opts(['pending_login', 'logging_in', 'online', 'paused_daily', 'invalid', 'disabled']) }],
  create: {
    code: 'CamelOil:Account:Edit', url: '/camel-oil/accounts',
    fields: [{ key: 'phone', required: true }, { key: 'password', type: 'password', required: true }, { key: 'dailyLimit', type: 'number' }, { key: 'remark' }],
  },
  edit: { code: 'CamelOil:Account:Edit', url: (r) => `/camel-oil/accounts/${r.id}`, fields: [{ key: 'dailyLimit', type: 'number' }, { key: 'remark' }, { key: 'password', type: 'password' }] },
  toolbar: [
    { label: 'acquire', code: 'CamelOil:Account:Import', method: 'post', url: () => '/camel-oil/accounts/acquire',
      fields: [{ key: 'count', type: 'number', required: true }, { key: 'dailyLimit', type: 'number' }] },
    // An .xlsx or .csv with Chinese or English headers; refused rows come back by row number.
    { label: 'importAccounts', code: 'CamelOil:Account:Import', method: 'post', multipart: true, url: () => '/camel-oil/accounts/import',
      fields: [{ key: 'file', type: 'file', required: true, accept: '.xlsx,.csv' }], revealTitle: 'page.importResult', reveal: importResult },
  ],
  exportFile: { code: 'CamelOil:Account:Import', url: '/camel-oil/accounts/export' },
  actions: [
    { label: 'history', sub: (r) => ({ list: `/camel-oil/accounts/${r.id}/history` }) },
    { label: 'disable', code: 'CamelOil:Account:Edit', danger: true, method: 'put', url: (r) => `/camel-oil/accounts/${r.id}/status`, body: () => ({ status: 'disabled' }), show: (r) => r.status !== 'disabled' },
    { label: 'enable', code: 'CamelOil:Account:Edit', method: 'put', url: (r) => `/camel-oil/accounts/${r.id}/status`, body: () => ({ status: 'pending_login' }), show: (r) => r.status === 'disabled' },
  ],
  remove: { code: 'CamelOil:Account:Edit', url: (r) => `/camel-oil/accounts/${r.id}` },
}

const secrets = (d: any) => (d?.appSecret ? { appKey: d.appKey, appSecret: d.appSecret, ...(d.webhookSecret ? { webhookSecret: d.webhookSecret } : {}) } : null)
export const merchants: ListSchema = {
  list: '/camel-oil/merchants/list',
  columns: [
    { key: 'id', width: 70 }, { key: 'name' }, { key: 'appKey' }, { key: 'notifyUrl' }, { key: 'rateLimit', width: 90 },
    { key: 'ipAllowList', format: (v) => (v || []).join(', ') }, { key: 'status', width: 90 }, { key: 'prevSecretUntil' }, { key: 'createdAt' },
  ],
  filters: [{ key: 'keyword' }, { key: 'status', type: 'select', options: opts(['active', 'disabled']) }],
  create: {
    code: 'CamelOil:Merchant:Edit', url: '/camel-oil/merchants', reveal: secrets,
    fields: [{ key: 'name', required: true }, { key: 'notifyUrl', required: true }, { key: 'rateLimit', type: 'number' }, { key: 'ipAllowList', type: 'list' }],
  },
  edit: {
    code: 'CamelOil:Merchant:Edit', url: (r) => `/camel-oil/merchants/${r.id}`,
    fields: [{ key: 'name' }, { key: 'notifyUrl' }, { key: 'rateLimit', type: 'number' }, { key: 'ipAllowList', type: 'list' }],
  },
  actions: [
    { label: 'disable', code: 'CamelOil:Merchant:Edit', danger: true, method: 'put', url: (r) => `/camel-oil/merchants/${r.id}/status`, body: () => ({ status: 'disabled' }), show: (r) => r.status === 'active' },
    { label: 'enable', code: 'CamelOil:Merchant:Edit', method: 'put', url: (r) => `/camel-oil/merchants/${r.id}/status`, body: () => ({ status: 'active' }), show: (r) => r.status !== 'active' },
    { label: 'rotateSecret', code: 'CamelOil:Merchant:Edit', danger: true, method: 'post', url: (r) => `/camel-oil/merchants/${r.id}/secret/rotate`, body: () => ({}), reveal: secrets },
  ],
}

const orderStatuses = ['pending_pay', 'paid', 'expired'].map((v) => ({ label: v, value: v }))
export const orders: ListSchema = {
  list: '/camel-oil/orders/list',
  columns: [
    { key: 'id', width: 70 }, { key: 'orderNo' }, { key: 'merchantId', width: 90 }, { key: 'merchantOrderNo' }, { key: 'accountPhone' },
    { key: 'amount', width: 90 }, { key: 'status', width: 100 }, { key: 'notifyStatus', width: 100 }, { key: 'paidAt' }, { key: 'createdAt' },
  ],
  filters: [
    { key: 'status', type: 'select', options: orderStatuses }, { key: 'merchantId', type: 'number' }, { key: 'accountId', type: 'number' },
    { key: 'merchantOrderNo' }, { key: 'orderNo' }, { key: 'from', placeholder: 'RFC 3339' }, { key: 'to', placeholder: 'RFC 3339' },
  ],
  exportFile: { url: '/camel-oil/orders/export' },
  actions: [
    { label: 'history', sub: (r) => ({ list: `/camel-oil/orders/${r.id}/history` }) },
    { label: 'refreshOrder', method: 'post', url: (r) => `/camel-oil/orders/${r.id}/refresh`, body: () => ({}), show: (r) => r.status !== 'paid' },
    { label: 'redeliver', code: 'CamelOil:Order:Notify', confirm: true, method: 'post', url: (r) => `/camel-oil/orders/${r.id}/notify`, body: () => ({}), show: (r) => r.status === 'paid' },
  ],
}
