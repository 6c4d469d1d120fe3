import { defineAsyncComponent, defineComponent, h, type Component } from 'vue'
import ObjectPage from '../views/ObjectPage.vue'
import type { PageAction } from './types'

// Pages about one object (ObjectPage): module settings, look-ups and generators whose API
// has no list to show.
const objectPage = (name: string, load: string | undefined, actions: PageAction[]): Component =>
  defineComponent({ name, setup: () => () => h(ObjectPage, { load, actions, testId: 'object-page' }) })

const withoutId = ({ id: _id, ...rest }: any) => rest

export const proxySettings = objectPage('ProxySettings', '/proxy/settings', [
  { label: 'editSettings', method: 'put', url: () => '/proxy/settings', editsObject: true, confirm: true, fields: [
    { key: 'baseUrl' }, { key: 'appKey' }, { key: 'appSecret', type: 'password', placeholder: '16/24/32 bytes; empty keeps it' },
    { key: 'encrypt', type: 'select', options: [{ label: 'AES', value: 'AES' }] }, { key: 'accountPrefix' },
    { key: 'rps', type: 'number' }, { key: 'callbackAllowIps', type: 'list' },
  ] },
  { label: 'testUpstream', method: 'post', url: () => '/proxy/settings/test' },
  { label: 'callbackToken', method: 'post', url: () => '/proxy/settings/callback-token', confirm: true },
])

export const camelSettings = objectPage('CamelOilSettings', '/camel-oil/settings', [
  { label: 'editSettings', method: 'put', url: () => '/camel-oil/settings', editsObject: true, confirm: true, fields: [
    { key: 'platformBaseUrl' }, { key: 'smsBaseUrl' }, { key: 'smsToken', type: 'password', placeholder: 'empty keeps it' },
    { key: 'smsProjectId' }, { key: 'smsPollMs', type: 'number' }, { key: 'smsTimeoutS', type: 'number' },
    { key: 'defaultDailyLimit', type: 'number' }, { key: 'orderExpireMinutes', type: 'number' }, { key: 'minAmount', type: 'number' },
    { key: 'maxAmount', type: 'number' }, { key: 'capacityFloor', type: 'number' }, { key: 'maxLoginFailures', type: 'number' },
  ] },
])

// Proxy orders have no list endpoint: one is looked up by id, created, or refreshed from upstream.
export const proxyOrders = objectPage('ProxyOrders', undefined, [
  { label: 'lookupOrder', method: 'get', url: (f) => `/proxy/orders/${f.id}`, body: withoutId, fields: [{ key: 'id', type: 'number', required: true }] },
  { label: 'orderStatic', code: 'Proxy:Order:Create', method: 'post', url: () => '/proxy/orders/static', fields: [
    { key: 'productNo', required: true }, { key: 'count', type: 'number', required: true }, { key: 'cycleTimes', type: 'number', required: true },
    { key: 'userId', type: 'number' }, { key: 'autoRenew', type: 'switch' },
  ] },
  { label: 'orderDynamic', code: 'Proxy:Order:Create', method: 'post', url: () => '/proxy/orders/dynamic', fields: [
    { key: 'productNo', required: true }, { key: 'flowGb', type: 'number', required: true }, { key: 'userId', type: 'number' },
  ] },
  { label: 'refreshOrder', code: 'Proxy:Order:Create', method: 'post', url: (f) => `/proxy/orders/${f.id}/refresh`, body: () => ({}), fields: [{ key: 'id', type: 'number', required: true }] },
])

// Serials are generated in batches; the codes are shown once, in the answer.
export const derpSerials = objectPage('DerpSerials', undefined, [
  { label: 'generateSerials', code: 'Derp:Serial:Generate', method: 'post', url: () => '/derp/serials/batches', fields: [
    { key: 'planId', type: 'number', required: true }, { key: 'count', type: 'number', required: true },
    { key: 'distributorId', type: 'number' }, { key: 'remark' },
  ] },
])


// A DERP customer's own page: its rentals (activate, renew, derpMap download), its orders, the
// balance and the ledger.
export const derpMine = defineAsyncComponent(() => import('../views/DerpMine.vue'))
