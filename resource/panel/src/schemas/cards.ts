import type { ListSchema } from './types'

const secrets = (d: any) => (d?.appSecret ? { appKey: d.appKey, appSecret: d.appSecret, webhookSecret: d.webhookSecret } : null)

export const projects: ListSchema = {
  list: '/projects/list',
  filters: [{ key: 'name' }],
  create: {
    code: 'Card:Project:Create', url: '/projects', reveal: secrets,
    // A project starts with one plan; more are added on the plans page.
    defaults: { planDurationSeconds: 2592000, planPrice: 100, planMaxDevices: 1 },
    fields: [
      { key: 'name', required: true }, { key: 'description' }, { key: 'version' }, { key: 'callbackUrl' },
      { key: 'planName', required: true }, { key: 'planDurationSeconds', type: 'number', required: true },
      { key: 'planPrice', type: 'number', required: true }, { key: 'planMaxDevices', type: 'number', required: true },
    ],
    body: ({ planName, planDurationSeconds, planPrice, planMaxDevices, ...p }) => ({
      ...p, plans: [{ name: planName, durationSeconds: planDurationSeconds, price: planPrice, maxDevices: planMaxDevices }],
    }),
  },
  edit: { code: 'Card:Project:Edit', url: (r) => `/projects/${r.id}`, fields: [{ key: 'name' }, { key: 'description' }, { key: 'version' }, { key: 'callbackUrl' }] },
  actions: [
    { label: 'rotateSecret', code: 'Card:Project:Secret', danger: true, method: 'post', url: (r) => `/projects/${r.id}/secret/rotate`, reveal: (d) => d },
    { label: 'calls', code: 'Card:Project:Calls', sub: (r) => apiCalls(r.id) },
    { label: 'failures', code: 'Card:Project:Failures', sub: (r) => apiFailures(r.id) },
  ],
}

// The project's OpenAPI call counts by day, endpoint and result (not paged: a date range), and
// its refused calls one by one.
const apiCalls = (id: number): ListSchema => ({
  list: `/projects/${id}/calls/list`, plain: true,
  columns: [{ key: 'day' }, { key: 'endpoint' }, { key: 'result' }, { key: 'calls' }],
  filters: [{ key: 'from', placeholder: 'YYYY-MM-DD' }, { key: 'to', placeholder: 'YYYY-MM-DD' }, { key: 'endpoint' }, { key: 'result' }],
})
const apiFailures = (id: number): ListSchema => ({
  list: `/projects/${id}/failures/list`,
  columns: [{ key: 'id', width: 70 }, { key: 'endpoint' }, { key: 'error' }, { key: 'httpStatus', width: 90 }, { key: 'detail' }, { key: 'ip' }, { key: 'createdAt' }],
  filters: [{ key: 'endpoint' }, { key: 'error' }],
})

// Plans belong to a project: the list asks for one first.
export const plans: ListSchema = {
  list: (f) => (f.projectId ? `/projects/${f.projectId}/plans/list` : null),
  filters: [{ key: 'projectId' }],
}

export const authorizations: ListSchema = {
  list: '/authorizations/list',
  create: { code: 'Card:Authorization:Grant', url: '/authorizations', fields: [{ key: 'projectId', type: 'number', required: true }, { key: 'agentId', type: 'number', required: true }, { key: 'expiresAt', type: 'datetime' }] },
  remove: { code: 'Card:Authorization:Grant', url: (r) => `/authorizations/${r.id}` },
}

export const applications: ListSchema = {
  list: '/authorization-applications/list',
  create: { code: 'Card:Application:Create', url: '/authorization-applications', fields: [{ key: 'projectId', type: 'number', required: true }, { key: 'reason', required: true }] },
  actions: [
    { label: 'approve', code: 'Card:Application:Decide', confirm: true, method: 'put', url: (r) => `/authorization-applications/${r.id}/approve`, show: (r) => r.status === 'pending' },
    { label: 'reject', code: 'Card:Application:Decide', danger: true, method: 'put', url: (r) => `/authorization-applications/${r.id}/reject`, show: (r) => r.status === 'pending' },
  ],
}

export const batches: ListSchema = {
  list: '/cards/batches/list',
  create: {
    code: 'Card:Batch:Create', url: '/cards/batches',
    fields: [{ key: 'projectId', type: 'number', required: true }, { key: 'planId', type: 'number', required: true }, { key: 'count', type: 'number', required: true }, { key: 'remark' }],
  },
  actions: [
    { label: 'exportXlsx', code: 'Card:Batch:Export', download: (r) => ({ url: `/cards/batches/${r.id}/export`, params: { format: 'xlsx' } }) },
    { label: 'exportCsv', code: 'Card:Batch:Export', download: (r) => ({ url: `/cards/batches/${r.id}/export`, params: { format: 'csv' } }) },
    { label: 'disable', code: 'Card:Batch:Disable', danger: true, method: 'post', url: (r) => `/cards/batches/${r.id}/disable`, show: (r) => r.status !== 'disabled' },
    { label: 'enable', code: 'Card:Batch:Disable', method: 'post', url: (r) => `/cards/batches/${r.id}/enable`, show: (r) => r.status === 'disabled' },
  ],
}

export const cards: ListSchema = {
  list: '/cards/list',
  filters: [{ key: 'projectId' }, { key: 'batchId' }, { key: 'keyword' }],
  actions: [
    { label: 'unbind', code: 'Card:Card:Unbind', danger: true, method: 'post', url: (r) => `/cards/${r.id}/unbind` },
    { label: 'disable', code: 'Card:Card:Status', danger: true, method: 'put', url: (r) => `/cards/${r.id}/status`, body: () => ({ status: 'disabled' }) },
  ],
}
