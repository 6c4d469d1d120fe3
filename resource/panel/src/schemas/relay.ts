import type { Field, ListSchema } from './types'

// Relay tokens: the key is shown once (create, rotate); the list shows its hint only.
const tokenFields: Field[] = [
  { key: 'name', required: true }, { key: 'expiresAt', type: 'datetime' }, { key: 'quotaLimit', type: 'number' },
  { key: 'allowedModels', type: 'list' }, { key: 'allowedIps', type: 'list' }, { key: 'rpmLimit', type: 'number' },
]
export const tokens: ListSchema = {
  list: '/relay/tokens/list',
  columns: [
    { key: 'id', width: 70 }, { key: 'username' }, { key: 'name' }, { key: 'keyHint' }, { key: 'status', width: 80 },
    { key: 'quotaLimit' }, { key: 'usedQuota' }, { key: 'rpmLimit', width: 90 }, { key: 'expiresAt' }, { key: 'lastUsedAt' },
  ],
  filters: [{ key: 'name' }, { key: 'userId' }, { key: 'status', type: 'select', options: [{ label: '1', value: 1 }, { label: '0', value: 0 }] }],
  create: { code: 'Relay:Token:Edit', url: '/relay/tokens', fields: [{ key: 'userId', type: 'number' }, ...tokenFields], reveal: (d) => (d?.key ? { key: d.key } : null) },
  edit: { code: 'Relay:Token:Edit', url: (r) => `/relay/tokens/${r.id}`, fields: tokenFields },
  actions: [
    { label: 'disable', code: 'Relay:Token:Edit', danger: true, method: 'put', url: (r) => `/relay/tokens/${r.id}/status`, body: () => ({ status: 0 }), show: (r) => r.status === 1 },
    { label: 'enable', code: 'Relay:Token:Edit', method: 'put', url: (r) => `/relay/tokens/${r.id}/status`, body: () => ({ status: 1 }), show: (r) => r.status === 0 },
    { label: 'rotateKey', code: 'Relay:Token:Edit', danger: true, method: 'post', url: (r) => `/relay/tokens/${r.id}/rotate`, reveal: (d) => (d?.key ? { key: d.key } : null) },
  ],
  remove: { code: 'Relay:Token:Edit', url: (r) => `/relay/tokens/${r.id}` },
}

// Model prices (One API ratios as decimal strings, so no float rounding on the way).
const priceFields: Field[] = [
  { key: 'model', required: true }, { key: 'modelRatio', required: true }, { key: 'completionRatio' }, { key: 'cacheRatio' },
  { key: 'modelPrice' }, { key: 'tokenizer', type: 'select', options: ['o200k_base', 'cl100k_base'].map((v) => ({ label: v, value: v })) },
  { key: 'ownedBy' }, { key: 'enabled', type: 'switch' },
]
export const prices: ListSchema = {
  list: '/relay/prices/list',
  columns: [
    { key: 'id', width: 70 }, { key: 'model' }, { key: 'modelRatio' }, { key: 'completionRatio' }, { key: 'cacheRatio' },
    { key: 'modelPrice' }, { key: 'tokenizer' }, { key: 'ownedBy' }, { key: 'enabled', width: 80 },
  ],
  filters: [{ key: 'model' }],
  create: { code: 'Relay:Price:Edit', url: '/relay/prices', fields: priceFields, defaults: { completionRatio: '1', cacheRatio: '1', modelPrice: '0', tokenizer: 'o200k_base', enabled: true } },
  edit: { code: 'Relay:Price:Edit', url: (r) => `/relay/prices/${r.id}`, fields: priceFields },
  remove: { code: 'Relay:Price:Edit', url: (r) => `/relay/prices/${r.id}` },
}

// Channels (super-admin): keys are write-only (sealed at rest, shown as hints); an edit carries the
// version it read, so two admins cannot overwrite each other (409 CONFLICT).
const channelFields: Field[] = [
  { key: 'name', required: true }, { key: 'baseUrl', required: true }, { key: 'models', type: 'list', required: true },
  { key: 'groups', type: 'list' }, { key: 'priority', type: 'number' }, { key: 'weight', type: 'number' },
  { key: 'testModel' }, { key: 'remark' },
]
export const channels: ListSchema = {
  list: '/relay/channels/list',
  columns: [
    { key: 'id', width: 70 }, { key: 'name' }, { key: 'baseUrl' }, { key: 'models', format: (v) => (v || []).join(', ') },
    { key: 'priority', width: 80 }, { key: 'weight', width: 80 }, { key: 'status', width: 80 }, { key: 'statusReason' }, { key: 'responseTimeMs', width: 110 },
  ],
  filters: [{ key: 'name' }, { key: 'group' }, { key: 'model' }, { key: 'status', type: 'select', options: [0, 1, 2].map((v) => ({ label: String(v), value: v })) }],
  create: { code: 'Relay:Channel:Edit', url: '/relay/channels', fields: [...channelFields, { key: 'keys', type: 'list', required: true }], defaults: { priority: 0, weight: 1 } },
  edit: { code: 'Relay:Channel:Edit', url: (r) => `/relay/channels/${r.id}`, fields: channelFields, body: (f, r) => ({ ...f, version: r?.version }) },
  remove: { code: 'Relay:Channel:Edit', url: (r) => `/relay/channels/${r.id}` },
  toolbar: [{ label: 'testAll', code: 'Relay:Channel:Test', method: 'post', url: () => '/relay/channels/test-all', body: () => ({}), reveal: (d) => (d?.taskId ? { taskId: d.taskId } : null) }],
  actions: [
    { label: 'test', code: 'Relay:Channel:Test', method: 'post', url: (r) => `/relay/channels/${r.id}/test`, body: () => ({}), reveal: (d) => d },
    { label: 'addKeys', code: 'Relay:Channel:Edit', method: 'post', url: (r) => `/relay/channels/${r.id}/keys`, fields: [{ key: 'keys', type: 'list', required: true }], body: (_, f) => ({ keys: f.keys }) },
    { label: 'disable', code: 'Relay:Channel:Edit', danger: true, confirm: true, method: 'put', url: (r) => `/relay/channels/${r.id}/status`, body: () => ({ status: 0 }), show: (r) => r.status !== 0 },
    { label: 'enable', code: 'Relay:Channel:Edit', method: 'put', url: (r) => `/relay/channels/${r.id}/status`, body: () => ({ status: 1 }), show: (r) => r.status !== 1 },
    { label: 'events', sub: (r) => ({ list: `/relay/channels/${r.id}/events` }) },
  ],
}

// Groups: the super-admin edits them; an agent-admin reads the ones it may assign.
const groupFields: Field[] = [{ key: 'name', required: true }, { key: 'ratio', required: true }, { key: 'agentAssignable', type: 'switch' }, { key: 'remark' }]
export const groups: ListSchema = {
  list: '/relay/groups/list',
  columns: [{ key: 'id', width: 70 }, { key: 'code' }, { key: 'name' }, { key: 'ratio' }, { key: 'agentAssignable', width: 110 }, { key: 'userCount', width: 90 }, { key: 'remark' }],
  create: { code: 'Relay:Group:Edit', url: '/relay/groups', fields: [{ key: 'code', required: true }, ...groupFields], defaults: { ratio: '1' } },
  edit: { code: 'Relay:Group:Edit', url: (r) => `/relay/groups/${r.id}`, fields: groupFields },
  remove: { code: 'Relay:Group:Edit', url: (r) => `/relay/groups/${r.id}` },
  toolbar: [{ label: 'assignGroup', code: 'Relay:Group:Assign', method: 'put', url: (_, f) => `/relay/users/${f?.userId}/group`,
    fields: [{ key: 'userId', type: 'number', required: true }, { key: 'group', required: true }], body: (_, f) => ({ group: f.group }) }],
}

// Request logs in the caller's scope (prompts and completions are never stored).
export const logs: ListSchema = {
  list: '/relay/logs/list',
  columns: [
    { key: 'requestId' }, { key: 'createdAt' }, { key: 'username' }, { key: 'tokenName' }, { key: 'model' }, { key: 'isStream', width: 80 },
    { key: 'status', width: 90 }, { key: 'promptTokens', width: 100 }, { key: 'completionTokens', width: 110 }, { key: 'quota', width: 90 }, { key: 'latencyMs', width: 100 },
  ],
  filters: [{ key: 'userId', type: 'number' }, { key: 'tokenId', type: 'number' }, { key: 'model' }, { key: 'requestId' }, { key: 'startTime', placeholder: 'RFC 3339' }, { key: 'endTime', placeholder: 'RFC 3339' }],
}

// Usage statistics (menu RelayStats, page views/RelayStats.vue): the measures every bucket of
// /relay/stats/* carries, and the ranking dimensions a role may ask for (channels: the
// super-admin's only; the API answers 403 to the others).
export const statsMeasures = ['requests', 'success', 'failed', 'promptTokens', 'completionTokens', 'quota'] as const
export const statsDims = (superAdmin: boolean): string[] => (superAdmin ? ['model', 'user', 'channel'] : ['model', 'user'])
