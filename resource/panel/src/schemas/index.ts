import { defineComponent, h, type Component } from 'vue'
import ListPage from '../components/ListPage.vue'
import NotYet from '../views/NotYet.vue'
import type { ListSchema } from './types'
import * as sys from './system'
import * as cards from './cards'
import * as quota from './quota'
import * as payment from './payment'
import * as relay from './relay'
import * as proxy from './proxy'
import * as camel from './camel'
import * as derp from './derp'
import * as security from './security'
import * as pages from './pages'

// One entry per /menu/all component of the landed modules; a component missing here opens
// the "not yet available" page.
const lists: Record<string, ListSchema> = {
  '/system/user/list': sys.users,
  '/system/log/operation': sys.operationLog,
  '/system/log/login': sys.loginLog,
  '/system/job/list': sys.jobs,
  '/system/announcement/list': sys.announcements,
  '/system/outbox/list': sys.outbox,
  '/system/banner/list': sys.banners,
  '/system/log/system': sys.systemLog,
  '/system/backup/list': sys.backups,
  '/cards/projects/list': cards.projects,
  '/cards/plans/list': cards.plans,
  '/cards/authorizations/list': cards.authorizations,
  '/cards/applications/list': cards.applications,
  '/cards/batches/list': cards.batches,
  '/cards/cards/list': cards.cards,
  '/quota/ledger/list': quota.ledger,
  '/quota/withdrawal/list': quota.withdrawals,
  '/quota/review/list': quota.reviews,
  '/quota/alert/list': quota.alerts,
  '/quota/payments/list': payment.orders,
  '/relay/tokens/list': relay.tokens,
  '/relay/prices/list': relay.prices,
  '/relay/channels/list': relay.channels,
  '/relay/groups/list': relay.groups,
  '/relay/logs/list': relay.logs,
  '/proxy/products/list': proxy.products,
  '/proxy/users/list': proxy.users,
  '/proxy/instances/list': proxy.instances,
  '/proxy/whitelist/list': proxy.whitelist,
  '/proxy/usage/index': proxy.usage,
  '/proxy/logs/index': proxy.logs,
  '/camel-oil/accounts/list': camel.accounts,
  '/camel-oil/merchants/list': camel.merchants,
  '/camel-oil/orders/list': camel.orders,
  '/derp/plans/list': derp.plans,
  '/derp/tiers/list': derp.tiers,
  '/derp/distributors/list': derp.distributors,
  '/derp/servers/list': derp.servers,
  '/derp/customers/list': derp.customers,
  '/derp/rentals/list': derp.rentals,
  '/derp/serial-orders/list': derp.serialOrders,
  '/derp/acl-logs/list': derp.aclLogs,
  '/derp/host-ops/list': derp.hostOps,
  '/derp/alerts/list': derp.alerts,
  '/security/log/list': security.log,
  '/security/locks/list': security.locks,
  '/security/alerts/list': security.alerts,
  '/security/sms/list': security.sms,
  '/inbox': sys.inbox,
}

const custom: Record<string, () => Promise<Component>> = {
  '/dashboard/analytics/index': () => import('../views/Dashboard.vue'),
  '/dashboard/stats/index': () => import('../views/Dashboard.vue'),
  '/quota/account/index': () => import('../views/QuotaAccount.vue'),
  '/system/role/list': () => import('../views/Roles.vue'),
  '/system/settings/index': () => import('../views/Settings.vue'),
  '/quota/topup/index': () => import('../views/Topup.vue'),
  '/camel-oil/statistics/index': () => import('../views/CamelStats.vue'),
  '/derp/finance/index': () => import('../views/DerpFinance.vue'),
  '/relay/stats/index': () => import('../views/RelayStats.vue'),
}

// Pages about one object (settings, look-ups, generators), built from ObjectPage.
const objects: Record<string, Component> = {
  '/proxy/settings/index': pages.proxySettings,
  '/proxy/orders/list': pages.proxyOrders,
  '/camel-oil/settings/index': pages.camelSettings,
  '/derp/serials/list': pages.derpSerials,
  '/derp/mine/index': pages.derpMine,
}

export function pageFor(component: string): Component | (() => Promise<Component>) {
  const schema = lists[component]
  if (schema) return defineComponent({ name: 'List' + component.replace(/\W/g, '_'), setup: () => () => h(ListPage, { schema }) })
  return objects[component] || custom[component] || NotYet
}
