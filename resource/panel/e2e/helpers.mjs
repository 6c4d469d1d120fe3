// Shared by the browser test files: each file (node --test runs one process per file) starts
// its own real binary and browser; every wait is on a selector, a URL or a response, and a
// failing session leaves a screenshot in the output folder.
import { before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { startServer, api, ADMIN_PASSWORD } from './server.mjs'

export { api, ADMIN_PASSWORD }
const outDir = resolve(process.env.PANEL_E2E_OUT || 'test-results')
mkdirSync(outDir, { recursive: true })
export let server
let browser

const PAGE_READY = ['list-page', 'dashboard', 'quota-account', 'settings', 'object-page', 'topup', 'page-not-yet', 'page-404'].map((t) => `[data-test=${t}]`).join(', ')

before(async () => {
  server = await startServer(outDir)
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] })
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

// session opens a fresh browser context (no cookies, no storage) and records console errors.
export async function session(name, fn) {
  const ctx = await browser.newContext({ acceptDownloads: true })
  const page = await ctx.newPage()
  const errors = []
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`) })
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`))
  try {
    await fn(page, errors)
  } catch (e) {
    await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true }).catch(() => {})
    throw e
  } finally {
    await ctx.close()
  }
}

export async function login(page, username, password) {
  await page.goto(server.base + '/login')
  await page.fill('input[name=username]', username)
  await page.fill('input[name=password]', password)
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/auth/login')), page.click('[data-test=login-submit]')])
}

export async function loginHome(page, username, password) {
  await login(page, username, password)
  await page.waitForSelector('[data-test=side-menu]')
}

export async function menuOf(page) {
  return page.evaluate(async () => {
    const r = await fetch('/api/menu/all', { headers: { authorization: 'Bearer ' + localStorage.getItem('kami.accessToken') } })
    return (await r.json()).data
  })
}

export function leaves(nodes, out = []) {
  for (const n of nodes) {
    if (n.component) out.push(n)
    leaves(n.children || [], out)
  }
  return out
}

// walk opens every routed entry of the caller's menu: none may be the 404 page, fail to load
// its data, or log a console error. Returns the entries still "not yet available".
export async function walk(page, errors) {
  const notYet = []
  for (const m of leaves(await menuOf(page))) {
    await page.goto(server.base + m.path)
    await page.waitForSelector(PAGE_READY)
    await page.waitForLoadState('networkidle')
    assert.equal(await page.locator('[data-test=page-404]').count(), 0, `${m.path} opens the 404 page`)
    assert.equal(await page.locator('[data-test=load-error]').count(), 0, `${m.path} failed to load its data`)
    if (await page.locator('[data-test=page-not-yet]').count()) notYet.push(m.path)
  }
  assert.deepEqual(errors, [], 'console errors while walking the menu')
  return notYet
}

let adminToken
export async function adminApi(method, path, body) {
  adminToken ??= (await api(server.base, 'POST', '/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).accessToken
  return api(server.base, method, path, body, adminToken)
}

