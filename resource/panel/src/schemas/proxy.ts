import type { ListSchema } from './types'

const opts = (vs: string[]) => vs.map((v) => ({ label: v, value: v }))

// Synced products: the super-admin sets the sale price (fen per unit), the on-sale switch, the
// display name and the sort; agents see their effective price.
export const products: ListSchema = {
  list: '/proxy/products/list',
  columns: [
    { key: 'productNo' }, { key: 'name' }, { key: 'kind', width: 90 }, { key: 'countryCode', width: 90 }, { key: 'cityCode', width: 90 },
    { key: 'inventory', width: 90 }, { key: 'salePrice', width: 100 }, { key: 'sellable', width: 90 }, { key: 'upstreamStatus', width: 100 },
  ],
  filters: [
    { key: 'keyword' }, { key: 'kind', type: 'select', options: opts(['dynamic', 'static']) }, { key: 'countryCode' },
  ],
  edit: {
    code: 'Proxy:Product:Edit', url: (r) => `/proxy/products/${r.productNo}`,
    fields: [{ key: 'salePrice', type: 'number' }, { key: 'sellable', type: 'switch' }, { key: 'displayName' }, { key: 'sort', type: 'number' }],
  },
  // Drawing proxies of a dynamic product: extraction URLs, or user/password entries for a proxy user.
  actions: [
    { label: 'drawApi', code: 'Proxy:Draw', method: 'post', url: () => '/proxy/draw/api', show: (r) => r.kind === 'dynamic',
      fields: [{ key: 'num', type: 'number', required: true }, { key: 'addressCode' }, { key: 'protocol' }, { key: 'returnType' }, { key: 'delimiter' }],
      body: (r, f) => ({ ...f, productNo: r.productNo }), reveal: (d) => ({ urls: (d?.urls || []).join('\n') }) },
    { label: 'drawPwd', code: 'Proxy:Draw', method: 'post', url: () => '/proxy/draw/pwd', show: (r) => r.kind === 'dynamic',
      fields: [{ key: 'userId', type: 'number', required: true }, { key: 'num', type: 'number', required: true }, { key: 'addressCode' }, { key: 'sessTime', type: 'number', required: true }],
      body: (r, f) => ({ ...f, productNo: r.productNo }), reveal: (d) => ({ items: JSON.stringify(d?.items || []) }) },
  ],
}

const userStatus = [{ label: 'enabled (1)', value: 1 }, { label: 'disabled (2)', value: 2 }]
export const users: ListSchema = {
  list: '/proxy/users/list',
  filters: [{ key: 'keyword' }, { key: 'status', type: 'select', options: userStatus }],
  create: {
    code: 'Proxy:User:Create', url: '/proxy/users',
    fields: [{ key: 'username', required: true }, { key: 'password', type: 'password', required: true }, { key: 'remark' }, { key: 'flowLimit', type: 'number' }],
  },
  edit: {
    code: 'Proxy:User:Edit', url: (r) => `/proxy/users/${r.id}`,
    fields: [{ key: 'password', type: 'password' }, { key: 'remark' }, { key: 'status', type: 'select', options: userStatus }, { key: 'flowLimit', type: 'number' }],
  },
  actions: [
    { label: 'limits', detail: (r) => `/proxy/users/${r.id}/limits` },
    { label: 'setLimit', code: 'Proxy:User:Edit', method: 'put', url: (r) => `/proxy/users/${r.id}/limits`,
      fields: [{ key: 'productNo', required: true }, { key: 'limitBytes', type: 'number', required: true }] },
  ],
}

// Static instances: renew and release go upstream as orders for the instances named.
export const instances: ListSchema = {
  list: '/proxy/instances/list',
  columns: [
    { key: 'instanceNo' }, { key: 'productNo' }, { key: 'ip' }, { key: 'port', width: 80 }, { key: 'protocol', width: 90 },
    { key: 'status', width: 90 }, { key: 'expiresAt' }, { key: 'autoRenew', width: 90 }, { key: 'userId', width: 80 }, { key: 'remark' },
  ],
  filters: [
    { key: 'keyword' }, { key: 'productNo' }, { key: 'status', type: 'select', options: opts(['running', 'stopped', 'closed', 'released']) },
  ],
  edit: { url: (r) => `/proxy/instances/${r.instanceNo}`, fields: [{ key: 'autoRenew', type: 'switch' }, { key: 'userId', type: 'number' }, { key: 'remark' }] },
  actions: [
    { label: 'renew', code: 'Proxy:Instance:Renew', method: 'post', url: () => '/proxy/instances/renew',
      fields: [{ key: 'cycleTimes', type: 'number', required: true }], body: (r, f) => ({ instanceNos: [r.instanceNo], cycleTimes: f.cycleTimes }) },
    { label: 'release', code: 'Proxy:Instance:Release', danger: true, method: 'post', url: () => '/proxy/instances/release',
      body: (r) => ({ instanceNos: [r.instanceNo] }) },
  ],
}

export const whitelist: ListSchema = {
  list: '/proxy/whitelist/list',
  filters: [{ key: 'productNo' }],
  create: { code: 'Proxy:Whitelist:Edit', url: '/proxy/whitelist', fields: [{ key: 'productNo', required: true }, { key: 'ip', required: true }] },
  remove: { code: 'Proxy:Whitelist:Edit', url: (r) => `/proxy/whitelist/${r.id}` },
}

// Usage: the flow pools as last synced; flow records and order totals open from the toolbar.
const flowLogs: ListSchema = { list: '/proxy/flow-logs/list', filters: [{ key: 'productNo' }] }
const orderStats: ListSchema = {
  // Totals need a window (at most 93 days) and a grouping; nothing is asked before both are set.
  list: (f) => (f.from && f.to ? '/proxy/stats/orders' : null),
  filters: [
    { key: 'from', placeholder: 'YYYY-MM-DD', required: true }, { key: 'to', placeholder: 'YYYY-MM-DD', required: true },
    { key: 'groupBy', type: 'select', options: ['day', 'agent', 'product', 'kind'].map((v) => ({ label: v, value: v })) },
  ],
  params: { groupBy: 'day' },
}
export const usage: ListSchema = {
  list: '/proxy/pools/list',
  toolbar: [{ label: 'flowLogs', sub: () => flowLogs }, { label: 'orderStats', sub: () => orderStats }],
}

// The super-admin's logs: job runs with their counts, received callbacks, upstream calls and the
// consistency findings (decided here).
const discrepancies: ListSchema = {
  list: '/proxy/discrepancies/list',
  actions: [{
    label: 'resolve', method: 'post', url: (r) => `/proxy/discrepancies/${r.id}/resolve`, show: (r) => r.status === 'needs_decision',
    fields: [{ key: 'action', type: 'select', required: true, options: ['charge', 'waive', 'ignore'].map((v) => ({ label: v, value: v })) }, { key: 'remark' }],
    body: (_, f) => ({ action: f.action, remark: f.remark }),
  }],
}
export const logs: ListSchema = {
  list: '/proxy/sync-logs/list',
  toolbar: [
    { label: 'callbackLogs', sub: () => ({ list: '/proxy/callback-logs/list' }) },
    { label: 'callLogs', sub: () => ({ list: '/proxy/call-logs/list' }) },
    { label: 'discrepancies', sub: () => discrepancies },
  ],
}
