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
