// Browser tests of the embedded panel: the real binary (embedded backend, temp data dir)
// driven by playwright-core through Debian's Chromium (helpers.mjs).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { server, session, login, loginHome, menuOf, leaves, walk, adminApi, api, ADMIN_PASSWORD } from './helpers.mjs'

test('the captcha appears after 3 failed logins for a name', () => session('captcha', async (page) => {
  await page.goto(server.base + '/login')
  assert.equal(await page.locator('img.captcha').count(), 0)
  for (let i = 0; i < 3; i++) {
    await page.fill('input[name=username]', 'ghost_e2e')
    await page.fill('input[name=password]', 'wrong-password-' + i)
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/auth/login')), page.click('[data-test=login-submit]')])
    await page.waitForSelector('[data-test=login-error]')
  }
  await page.waitForSelector('img.captcha')
  assert.ok(await page.locator('input[name=captchaCode]').isVisible())
}))

test('the super-admin walks its whole menu', () => session('admin-menu', async (page, errors) => {
  await loginHome(page, 'admin', ADMIN_PASSWORD)
  const notYet = await walk(page, errors)
  assert.deepEqual(notYet, [], 'every super-admin menu has its page')
}))

test('users: create, list, edit through the UI', () => session('users-crud', async (page, errors) => {
  await loginHome(page, 'admin', ADMIN_PASSWORD)
  await page.goto(server.base + '/system/user')
  await page.waitForSelector('[data-test=list-table]')
  await page.click('[data-test=create]')
  const dlg = page.locator('.el-dialog:visible')
  await dlg.locator('input[name=username]').fill('e2e_ui_user')
  await dlg.locator('input[name=password]').fill('Ui-User#2026')
  await dlg.locator('.el-select').first().click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: 'agent-admin' }).click()
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/system/user') && r.status() === 200), dlg.locator('[data-test=form-submit]').click()])
  await page.locator('[data-filter=username] input, input[data-filter=username]').first().fill('e2e_ui_user')
  await Promise.all([page.waitForResponse((r) => r.url().includes('/api/system/user/list')), page.click('[data-test=search]')])
  const row = page.locator('.el-table__body tr', { hasText: 'e2e_ui_user' })
  await row.waitFor()
  await row.locator('[data-test=row-edit]').click()
  await page.locator('.el-dialog:visible input[name=realName]').fill('E2E Edited')
  await Promise.all([page.waitForResponse((r) => /\/api\/system\/user\/\d+$/.test(r.url()) && r.request().method() === 'PUT'), page.locator('.el-dialog:visible [data-test=form-submit]').click()])
  await page.locator('.el-table__body tr', { hasText: 'E2E Edited' }).waitFor()
  assert.deepEqual(errors, [])
}))

test('an expired access token is refreshed from the cookie', () => session('refresh', async (page) => {
  await loginHome(page, 'admin', ADMIN_PASSWORD)
  await page.evaluate(() => localStorage.setItem('kami.accessToken', 'expired-token'))
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh') && r.status() === 200), page.goto(server.base + '/system/user')])
  await page.waitForSelector('[data-test=list-table]')
  assert.notEqual(await page.evaluate(() => localStorage.getItem('kami.accessToken')), 'expired-token')
}))

test('an agent sees only its own pages', () => session('agent', async (page, errors) => {
  await adminApi('POST', '/system/user', { username: 'e2e_aa', password: 'Start#Pass1', role: 'agent-admin' })
  let aa = (await api(server.base, 'POST', '/auth/login', { username: 'e2e_aa', password: 'Start#Pass1' })).accessToken
  await api(server.base, 'PUT', '/user/password', { oldPassword: 'Start#Pass1', newPassword: 'Agent-Admin#2026' }, aa)
  aa = (await api(server.base, 'POST', '/auth/login', { username: 'e2e_aa', password: 'Agent-Admin#2026' })).accessToken
  await api(server.base, 'POST', '/system/user', { username: 'e2e_agent', password: 'Start#Pass2', role: 'agent' }, aa)

  // The first login with an admin-set password goes through the change-password page.
  await login(page, 'e2e_agent', 'Start#Pass2')
  await page.waitForURL('**/password')
  await page.fill('input[name=oldPassword]', 'Start#Pass2')
  await page.fill('input[name=newPassword]', 'Agent-Own#2026')
  await page.click('[data-test=password-submit]')
  await page.waitForSelector('[data-test=side-menu]')

  const names = leaves(await menuOf(page)).map((m) => m.name)
  for (const hidden of ['SystemUser', 'SystemRole', 'SystemSettings', 'QuotaReview']) {
    assert.ok(!names.includes(hidden), `an agent's menu holds ${hidden}`)
    assert.equal(await page.locator(`[data-menu=${hidden}]`).count(), 0)
  }
  const notYet = await walk(page, errors)
  assert.deepEqual(notYet, [], 'every agent menu has its page')
  await page.goto(server.base + '/system/user')
  await page.waitForSelector('[data-test=page-404]')
}))

test('language switch changes the panel and the server texts', () => session('language', async (page, errors) => {
  await loginHome(page, 'admin', ADMIN_PASSWORD)
  assert.equal((await page.textContent('[data-test=logout]')).trim(), '退出登录')
  await page.click('[data-test=lang-switch]')
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/menu/all')), page.locator('[data-test=lang-en]:visible').click()])
  await page.locator('[data-test=logout]', { hasText: 'Log out' }).waitFor()
  await page.locator('[data-test=side-menu]').getByText(/^[\x20-\x7e]+$/).first().waitFor()
  const menuText = await page.textContent('[data-test=side-menu]')
  assert.ok(!/[\u4e00-\u9fff]/.test(menuText), `menu still in Chinese: ${menuText}`)
  assert.deepEqual(errors, [])
}))

test('logout ends the session', () => session('logout', async (page) => {
  await loginHome(page, 'admin', ADMIN_PASSWORD)
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/auth/logout')), page.click('[data-test=logout]')])
  await page.waitForURL('**/login')
  await page.goto(server.base + '/system/user')
  await page.waitForURL(/\/login\?redirect=/)
  assert.equal(await page.evaluate(() => localStorage.getItem('kami.accessToken')), null)
}))

test('projects: create shows the secrets once, then list and edit', () => session('projects', async (page, errors) => {
  await loginHome(page, 'admin', ADMIN_PASSWORD)
  await page.goto(server.base + '/cards/projects')
  await page.waitForSelector('[data-test=list-table]')
  await page.click('[data-test=create]')
  const dlg = page.locator('.el-dialog:visible')
  await dlg.locator('input[name=name]').fill('E2E Project')
  await dlg.locator('input[name=planName]').fill('Monthly')
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/projects') && r.status() === 200), dlg.locator('[data-test=form-submit]').click()])
  const revealed = page.locator('[data-test=revealed]')
  await revealed.waitFor()
  assert.match(await revealed.textContent(), /appSecret/)
  const row = page.locator('.el-table__body tr', { hasText: 'E2E Project' })
  await row.waitFor()
  await row.locator('[data-test=row-edit]').click()
  await page.locator('.el-dialog:visible input[name=description]').fill('edited by e2e')
  await Promise.all([page.waitForResponse((r) => /\/api\/projects\/\d+$/.test(r.url()) && r.request().method() === 'PUT'), page.locator('.el-dialog:visible [data-test=form-submit]').click()])
  await page.locator('.el-table__body tr', { hasText: 'edited by e2e' }).waitFor()
  assert.deepEqual(errors, [])
}))

test('card batch: generate through the UI, export downloaded and opened', () => session('batch-export', async (page, errors) => {
  // Setup over the API: a project with a plan, an agent-admin holding quota and authorized for it.
  const project = await adminApi('POST', '/projects', { name: 'E2E Cards', plans: [{ name: 'Forever', durationSeconds: 0, price: 2, maxDevices: 1 }] })
  const owner = await adminApi('POST', '/system/user', { username: 'e2e_owner', password: 'Start#Pass3', role: 'agent-admin', initialQuota: 100 })
  const first = (await api(server.base, 'POST', '/auth/login', { username: 'e2e_owner', password: 'Start#Pass3' })).accessToken
  await api(server.base, 'PUT', '/user/password', { oldPassword: 'Start#Pass3', newPassword: 'Owner-Own#2026' }, first)
  await adminApi('POST', '/authorizations', { projectId: project.id, agentId: owner.id })

  await loginHome(page, 'e2e_owner', 'Owner-Own#2026')
  await page.goto(server.base + '/cards/batches')
  await page.waitForSelector('[data-test=list-table]')
  await page.click('[data-test=create]')
  const dlg = page.locator('.el-dialog:visible')
  await dlg.locator('[data-field=projectId] input').fill(String(project.id))
  await dlg.locator('[data-field=planId] input').fill(String(project.plans[0].id))
  await dlg.locator('[data-field=count] input').fill('3')
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/cards/batches') && r.status() === 200), dlg.locator('[data-test=form-submit]').click()])
  const row = page.locator('.el-table__body tr', { hasText: 'E2E Cards' })
  await row.waitFor()
  const [file] = await Promise.all([page.waitForEvent('download'), row.locator('[data-action=exportCsv]').click()])
  assert.match(file.suggestedFilename(), /\.csv$/)
  const text = readFileSync(await file.path(), 'utf8')
  assert.equal(text.trim().split(/\r?\n/).length, 4, `a header and 3 cards:\n${text}`)
  assert.deepEqual(errors, [])
}))

test('announcements: create through the UI, then listed', () => session('announcement', async (page, errors) => {
  await loginHome(page, 'admin', ADMIN_PASSWORD)
  await page.goto(server.base + '/system/announcement')
  await page.waitForSelector('[data-test=list-table]')
  await page.click('[data-test=create]')
  const dlg = page.locator('.el-dialog:visible')
  await dlg.locator('input[name=title]').fill('E2E notice')
  await dlg.locator('textarea[name=content]').fill('maintenance tonight')
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/system/announcements') && r.status() === 200), dlg.locator('[data-test=form-submit]').click()])
  await page.locator('.el-table__body tr', { hasText: 'E2E notice' }).waitFor()
  assert.deepEqual(errors, [])
}))

test('roles: the menu grants tree opens and saves', () => session('roles', async (page, errors) => {
  await loginHome(page, 'admin', ADMIN_PASSWORD)
  await page.goto(server.base + '/system/role')
  const row = page.locator('.el-table__body tr', { hasText: 'agent-admin' }).first()
  await row.waitFor()
  await row.locator('[data-action=grants]').click()
  await page.locator('[data-test=grants-dialog] .el-tree-node').first().waitFor()
  assert.ok(await page.locator('[data-test=grants-dialog] .el-checkbox.is-checked').count() > 0, 'granted menus are checked')
  await Promise.all([page.waitForResponse((r) => /\/api\/system\/role\/agent-admin\/menus$/.test(r.url()) && r.request().method() === 'PUT' && r.status() === 200),
    page.click('[data-test=grants-save]')])
  assert.deepEqual(errors, [])
}))

test('backups: trigger one through the UI, then listed as verified', () => session('backups', async (page, errors) => {
  await loginHome(page, 'admin', ADMIN_PASSWORD)
  await page.goto(server.base + '/system/backup')
  await page.waitForSelector('[data-test=list-table]')
  await page.click('[data-action=backupNow]')
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/system/backups') && r.request().method() === 'POST' && r.status() === 200),
    page.locator('.el-message-box__btns .el-button--primary').click()])
  await page.locator('.el-table__body tr', { hasText: 'verified' }).first().waitFor()
  assert.deepEqual(errors, [])
}))
