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
