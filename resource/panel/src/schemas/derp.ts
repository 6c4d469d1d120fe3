import type { Field, ListSchema } from './types'

const opts = (vs: string[]) => vs.map((v) => ({ label: v, value: v }))

const planFields: Field[] = [
  { key: 'name', required: true }, { key: 'days', type: 'number', required: true }, { key: 'price', type: 'number', required: true },
  { key: 'trafficBytes', type: 'number' }, { key: 'maxDevices', type: 'number' },
  { key: 'status', type: 'select', options: opts(['enabled', 'disabled']) }, { key: 'sort', type: 'number' },
]
export const plans: ListSchema = {
  list: '/derp/plans/list',
  columns: [
    { key: 'id', width: 70 }, { key: 'name' }, { key: 'days', width: 80 }, { key: 'price', width: 100 }, { key: 'trafficBytes' },
    { key: 'maxDevices', width: 90 }, { key: 'status', width: 90 }, { key: 'sort', width: 70 },
  ],
  create: { code: 'Derp:Plan:Edit', url: '/derp/plans', fields: planFields, defaults: { status: 'enabled', maxDevices: 1, sort: 0 } },
  edit: { code: 'Derp:Plan:Edit', url: (r) => `/derp/plans/${r.id}`, fields: planFields },
  remove: { code: 'Derp:Plan:Edit', url: (r) => `/derp/plans/${r.id}` },
}

// Tiers are fixed by code; their discount and commission are basis points (1/100 %).
export const tiers: ListSchema = {
  list: '/derp/tiers/list',
  edit: { url: (r) => `/derp/tiers/${r.code}`, fields: [{ key: 'name' }, { key: 'discountBps', type: 'number' }, { key: 'commissionBps', type: 'number' }] },
}

export const distributors: ListSchema = {
  list: '/derp/distributors/list',
  columns: [
    { key: 'userId', width: 80 }, { key: 'username' }, { key: 'role' }, { key: 'tier' }, { key: 'discountBps' },
    { key: 'commissionBps' }, { key: 'inviteCode' },
  ],
  filters: [{ key: 'tier' }],
  toolbar: [{ label: 'setDistributor', method: 'put', url: (_, f) => `/derp/distributors/${f?.userId}`,
    fields: [{ key: 'userId', type: 'number', required: true }, { key: 'tier', required: true }], body: (_, f) => ({ tier: f.tier }) }],
  edit: { url: (r) => `/derp/distributors/${r.userId}`, fields: [{ key: 'tier', required: true }] },
  remove: { url: (r) => `/derp/distributors/${r.userId}` },
}

// DERP hosts (super-admin): registering mints the host's cert and never contacts it; the worker
// prepares it afterwards. The SSH secret is write-only (an empty field on edit keeps it).
const serverFields: Field[] = [
  { key: 'name', required: true }, { key: 'region', required: true, placeholder: 'sha' }, { key: 'regionName', required: true },
  { key: 'publicIpv4', required: true }, { key: 'publicIpv6' }, { key: 'domesticAddr' }, { key: 'provider' }, { key: 'cloudAccount' },
  { key: 'sshHost' }, { key: 'sshPort', type: 'number' }, { key: 'sshUser' },
  { key: 'sshAuth', type: 'select', options: opts(['password', 'key']), required: true },
  { key: 'sshSecret', type: 'textarea', required: true }, { key: 'sshHostKey', placeholder: 'SHA256:…' },
  { key: 'monthlyQuotaBytes', type: 'number' }, { key: 'billingDay', type: 'number' }, { key: 'maxContainers', type: 'number' },
  { key: 'state', type: 'select', options: opts(['active', 'draining']) },
]
export const servers: ListSchema = {
  list: '/derp/servers/list',
  columns: [
    { key: 'id', width: 70 }, { key: 'name' }, { key: 'region', width: 80 }, { key: 'publicIpv4' }, { key: 'state', width: 90 },
    { key: 'health', width: 90 }, { key: 'hostState', width: 90 }, { key: 'containerCount', width: 90 }, { key: 'lastError' },
  ],
  filters: [{ key: 'state', type: 'select', options: opts(['active', 'draining', 'over_quota', 'removing', 'removed']) }],
  create: { code: 'Derp:Server:Manage', url: '/derp/servers', fields: serverFields, defaults: { sshAuth: 'password', state: 'active' } },
  edit: {
    code: 'Derp:Server:Manage', url: (r) => `/derp/servers/${r.id}`,
    fields: serverFields.map((f) => (f.key === 'sshSecret' || f.key === 'sshAuth' ? { ...f, required: false } : f)),
    body: (f) => Object.fromEntries(Object.entries(f).filter(([k, v]) => !(k === 'sshSecret' && !v))),
  },
  remove: { code: 'Derp:Server:Manage', url: (r) => `/derp/servers/${r.id}` },
  actions: [
    { label: 'prepare', code: 'Derp:Server:Manage', method: 'post', url: (r) => `/derp/servers/${r.id}/prepare`, body: () => ({}) },
    { label: 'drain', code: 'Derp:Server:Manage', confirm: true, method: 'post', url: (r) => `/derp/servers/${r.id}/drain`, body: () => ({}), show: (r) => r.state === 'active' },
    { label: 'undrain', code: 'Derp:Server:Manage', method: 'post', url: (r) => `/derp/servers/${r.id}/undrain`, body: () => ({}), show: (r) => r.state === 'draining' },
    { label: 'confirmHostKey', code: 'Derp:Server:Manage', confirm: true, method: 'post', url: (r) => `/derp/servers/${r.id}/confirm-host-key`, body: () => ({}), show: (r) => r.hostKeyTofu },
  ],
}

// Customers (members) in the caller's scope; a created one must change its password at first login.
export const customers: ListSchema = {
  list: '/derp/customers/list',
  columns: [
    { key: 'id', width: 70 }, { key: 'email' }, { key: 'realName' }, { key: 'status', width: 80 }, { key: 'distributorName' },
    { key: 'rentals', format: (v) => (v ? `${v.active}/${v.total}` : '') }, { key: 'balance', width: 100 }, { key: 'createdAt' },
  ],
  filters: [{ key: 'email' }, { key: 'distributorId', type: 'number' }],
  create: {
    url: '/derp/customers',
    fields: [
      { key: 'email', required: true }, { key: 'password', type: 'password', required: true }, { key: 'realName' },
      { key: 'remark' }, { key: 'distributorId', type: 'number' },
    ],
  },
}

// Serial orders: a distributor buys at its tier's discount; offline ones wait for the super-admin.
export const serialOrders: ListSchema = {
  list: '/derp/serial-orders/list',
  columns: [
    { key: 'id', width: 70 }, { key: 'orderNo' }, { key: 'planId', width: 80 }, { key: 'count', width: 80 }, { key: 'unitPrice' },
    { key: 'amount' }, { key: 'payMethod', width: 90 }, { key: 'status', width: 110 }, { key: 'createdAt' },
  ],
  filters: [
    { key: 'status', type: 'select', options: opts(['pending_review', 'completed', 'rejected', 'cancelled', 'refunded']) },
    { key: 'distributorId', type: 'number' },
  ],
  create: {
    url: '/derp/serial-orders',
    fields: [
      { key: 'planId', type: 'number', required: true }, { key: 'count', type: 'number', required: true },
      { key: 'payMethod', type: 'select', options: opts(['balance', 'offline']), required: true }, { key: 'remark' },
    ],
    defaults: { payMethod: 'balance', count: 1 },
    reveal: (d) => (d?.codes?.length ? { codes: d.codes.join('\n') } : null),
  },
  actions: [
    { label: 'approve', code: 'Derp:Order:Approve', confirm: true, method: 'put', url: (r) => `/derp/serial-orders/${r.id}/approve`, body: () => ({}), show: (r) => r.status === 'pending_review' },
    { label: 'reject', code: 'Derp:Order:Approve', method: 'put', url: (r) => `/derp/serial-orders/${r.id}/reject`, fields: [{ key: 'reason', required: true }], body: (_, f) => ({ reason: f.reason }), show: (r) => r.status === 'pending_review' },
    { label: 'cancel', confirm: true, method: 'put', url: (r) => `/derp/serial-orders/${r.id}/cancel`, body: () => ({}), show: (r) => r.status === 'pending_review' },
  ],
}

// Rentals in the caller's scope; the detail adds periods, devices and containers.
export const rentals: ListSchema = {
  list: '/derp/rentals/list',
  filters: [
    { key: 'state', type: 'select', options: opts(['active', 'suspended', 'expired', 'deregistering', 'deregistered']) },
    { key: 'customerId', type: 'number' }, { key: 'distributorId', type: 'number' }, { key: 'serverId', type: 'number' },
  ],
  actions: [{ label: 'detail', detail: (r) => `/derp/rentals/${r.id}` }],
}

// derp-acl: derpMap download attempts (every one, refused ones too) of the rentals in scope; a
// row's generations in a drawer; S and AA regenerate a rental's map.
const aclGenerations = (rentalId: number): ListSchema => ({
  list: `/derp/acl/generations/list?rentalId=${rentalId}`,
  columns: [
    { key: 'version', width: 80 }, { key: 'trigger', width: 100 }, { key: 'status', width: 100 }, { key: 'sha256' },
    { key: 'generatedAt' }, { key: 'validUntil' }, { key: 'actorId', width: 80 }, { key: 'actorIp' }, { key: 'actorGeo' },
  ],
})
export const aclLogs: ListSchema = {
  list: '/derp/acl/downloads/list',
  columns: [
    { key: 'id', width: 70 }, { key: 'rentalId', width: 80 }, { key: 'customerId', width: 90 }, { key: 'username' },
    { key: 'version', width: 70 }, { key: 'format', width: 90 }, { key: 'result', width: 80 }, { key: 'reason' }, { key: 'ip' },
    { key: 'geo' }, { key: 'machineCode' }, { key: 'browser' }, { key: 'createdAt' },
  ],
  filters: [
    { key: 'rentalId', type: 'number' }, { key: 'customerId', type: 'number' },
    { key: 'result', type: 'select', options: opts(['ok', 'denied']) }, { key: 'from', type: 'datetime' }, { key: 'to', type: 'datetime' },
  ],
  toolbar: [{ label: 'regenerate', code: 'Derp:Acl:Regenerate', confirm: true, method: 'post',
    url: (_, f) => `/derp/rentals/${f?.rentalId}/acl/regenerate`, fields: [{ key: 'rentalId', type: 'number', required: true }],
    body: () => ({}) }],
  actions: [
    { label: 'generations', sub: (r) => aclGenerations(r.rentalId) },
    { label: 'regenerate', code: 'Derp:Acl:Regenerate', confirm: true, method: 'post', url: (r) => `/derp/rentals/${r.rentalId}/acl/regenerate`, body: () => ({}) },
  ],
}

// derp-ops: the host-op queue (super-admin). A dead op can be run again (attempts reset).
export const hostOps: ListSchema = {
  list: '/derp/host-ops/list',
  columns: [
    { key: 'id', width: 70 }, { key: 'serverId', width: 80 }, { key: 'containerId', width: 90 }, { key: 'op', width: 90 },
    { key: 'state', width: 100 }, { key: 'attempts', width: 80 }, { key: 'nextRunAt' }, { key: 'lastError' }, { key: 'createdAt' },
  ],
  filters: [
    { key: 'serverId', type: 'number' }, { key: 'containerId', type: 'number' },
    { key: 'op', type: 'select', options: opts(['prepare', 'converge', 'reconcile']) },
    { key: 'state', type: 'select', options: opts(['pending', 'running', 'done', 'dead', 'superseded']) },
  ],
  actions: [
    { label: 'run', confirm: true, method: 'post', url: (r) => `/derp/host-ops/${r.id}/retry`, body: () => ({}), show: (r) => r.state === 'dead' },
  ],
}

// derp-ops: alerts for the super-admin (server down, dead host ops, month quota, high rate).
export const alerts: ListSchema = {
  list: '/derp/alerts/list',
  columns: [
    { key: 'id', width: 70 }, { key: 'kind', width: 140 }, { key: 'severity', width: 90 }, { key: 'serverId', width: 80 },
    { key: 'containerId', width: 90 }, { key: 'rentalId', width: 80 }, { key: 'message' }, { key: 'state', width: 80 }, { key: 'createdAt' },
  ],
  filters: [
    { key: 'state', type: 'select', options: opts(['open', 'acked']) },
    { key: 'kind', type: 'select', options: opts(['server_down', 'host_op_dead', 'server_over_quota', 'rate_high']) },
    { key: 'serverId', type: 'number' },
  ],
  actions: [
    { label: 'markRead', method: 'put', url: (r) => `/derp/alerts/${r.id}/ack`, body: () => ({}), show: (r) => r.state === 'open' },
  ],
}

// derp-money: every order in the caller's scope (the finance page); the super-admin refunds part
// or all of a customer's balance order, which also takes back the distributor's commission share.
const orderColumns = [
  { key: 'id', width: 70 }, { key: 'orderNo' }, { key: 'kind', width: 130 }, { key: 'buyerId', width: 80 },
  { key: 'distributorId', width: 90 }, { key: 'planId', width: 70 }, { key: 'amount', width: 90 }, { key: 'commission', width: 90 },
  { key: 'refunded', width: 90 }, { key: 'payMethod', width: 90 }, { key: 'status', width: 110 }, { key: 'createdAt' },
]
export const orders: ListSchema = {
  list: '/derp/orders/list',
  columns: orderColumns,
  filters: [
    { key: 'kind', type: 'select', options: opts(['serial_purchase', 'rental_new', 'rental_renew', 'admin_extend']) },
    { key: 'status', type: 'select', options: opts(['pending_review', 'completed', 'rejected', 'cancelled', 'refunded']) },
    { key: 'customerId', type: 'number' }, { key: 'distributorId', type: 'number' },
    { key: 'from', placeholder: 'RFC 3339' }, { key: 'to', placeholder: 'RFC 3339' },
  ],
  actions: [{
    label: 'refund', code: 'Derp:Order:Refund', method: 'put', idempotent: true, url: (r) => `/derp/orders/${r.id}/refund`,
    fields: [{ key: 'amount', type: 'number', required: true }, { key: 'remark' }],
    body: (_, f) => ({ amount: Number(f.amount), remark: f.remark || '' }),
    show: (r) => r.payMethod === 'balance' && (r.kind === 'rental_new' || r.kind === 'rental_renew') &&
      (r.status === 'completed' || r.status === 'refunded') && r.refunded < r.amount,
  }],
}

// A member's own orders (its portal page).
export const myOrders: ListSchema = {
  list: '/derp/me/orders/list',
  columns: [
    { key: 'orderNo' }, { key: 'kind', width: 130 }, { key: 'planName' }, { key: 'amount', width: 90 }, { key: 'refunded', width: 90 },
    { key: 'payMethod', width: 90 }, { key: 'status', width: 110 }, { key: 'createdAt' },
  ],
}
