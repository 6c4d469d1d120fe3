import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { token, setLoggedOutHandler } from './api'
import { session, loadSession, type MenuNode } from './session'
import { pageFor } from './schemas'
import { i18n } from './i18n'
import Layout from './views/Layout.vue'
import Login from './views/Login.vue'
import NotFound from './views/NotFound.vue'
import ChangePassword from './views/ChangePassword.vue'

// Backend access mode: the routes are built from /menu/all after login; a menu whose page
// is not in the registry gets the "not yet available" page, never the 404 one.
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'Login', component: Login, meta: { public: true } },
    { path: '/password', name: 'ChangePassword', component: ChangePassword, meta: { public: true } },
    { path: '/', name: 'Root', component: Layout, children: [] },
  ],
})

let added: Array<() => void> = []

function addMenuRoutes(nodes: MenuNode[]) {
  for (const n of nodes) {
    if (n.component) {
      added.push(router.addRoute('Root', {
        path: n.path, name: n.name, component: pageFor(n.component), meta: { title: n.meta.title, component: n.component },
      } as RouteRecordRaw))
    } else if (n.redirect) {
      added.push(router.addRoute('Root', { path: n.path, name: n.name, redirect: n.redirect }))
    } else if (n.children?.length) {
      const first = n.children.find((c) => c.component)
      if (first) added.push(router.addRoute('Root', { path: n.path, name: n.name, redirect: first.path }))
    }
    if (n.children) addMenuRoutes(n.children)
  }
}

export function installMenuRoutes() {
  added.forEach((rm) => rm())
  added = []
  addMenuRoutes(session.menus)
  // The inbox is every signed-in user's, outside the RBAC menu (its API is auth:"login").
  added.push(router.addRoute('Root', { path: '/inbox', name: 'Inbox', component: pageFor('/inbox'), meta: { title: i18n.global.t('app.inbox'), component: '/inbox' } }))
  added.push(router.addRoute('Root', { path: '/:pathMatch(.*)*', name: 'NotFound', component: NotFound }))
}

setLoggedOutHandler(() => {
  session.loaded = false
  router.push({ path: '/login', query: { redirect: router.currentRoute.value.fullPath } })
})

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  if (!token.get()) return { path: '/login', query: { redirect: to.fullPath } }
  if (!session.loaded) {
    try {
      await loadSession()
    } catch {
      return { path: '/login', query: { redirect: to.fullPath } }
    }
    installMenuRoutes()
    return { path: to.path === '/' ? session.user?.homePath || '/dashboard/analytics' : to.fullPath, replace: true }
  }
  if (to.path === '/') return session.user?.homePath || '/dashboard/analytics'
  return true
})
