import { defineComponent, h, type Component } from 'vue'
import ListPage from '../components/ListPage.vue'
import NotYet from '../views/NotYet.vue'
import type { ListSchema } from './types'
import * as sys from './system'
import * as cards from './cards'
import * as quota from './quota'

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
}

const custom: Record<string, () => Promise<Component>> = {
  '/dashboard/analytics/index': () => import('../views/Dashboard.vue'),
  '/dashboard/stats/index': () => import('../views/Dashboard.vue'),
  '/quota/account/index': () => import('../views/QuotaAccount.vue'),
  '/system/role/list': () => import('../views/Roles.vue'),
  '/system/settings/index': () => import('../views/Settings.vue'),
}

export function pageFor(component: string): Component | (() => Promise<Component>) {
  const schema = lists[component]
  if (schema) return defineComponent({ name: 'List' + component.replace(/\W/g, '_'), setup: () => () => h(ListPage, { schema }) })
  return custom[component] || NotYet
}
