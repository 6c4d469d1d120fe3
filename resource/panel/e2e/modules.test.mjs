// Browser tests of the module pages: one action per group through the UI (helpers.mjs starts
// the real binary and Chromium for this file).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { server, session, loginHome, walk, adminApi, api, ADMIN_PASSWORD } from './helpers.mjs'

// A valid 1x1 PNG: the server checks the upload by its content.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

const okResponse = (page, test) => page.waitForResponse((r) => test(r) && r.status() === 200)
const confirmBox = (page) => page.locator('.el-message-box__btns .el-button--primary').click()

async function createAndFill(page, path, values) {
  await page.goto(server.base + path)
  await page.waitForSelector('[data-test=list-table]')
  await page.click('[data-test=create]')
  const dlg = page.locator('.el-dialog:visible')
  for (const [k, v] of Object.entries(values)) await dlg.locator(`[data-field=${k}] input, input[data-field=${k}], input[name=${k}], textarea[name=${k}]`).first().fill(v)
  return dlg
}

// A staff user with its own password already changed (the first login's change is done over the API).
async function staff(username, role, parentToken) {
  const first = 'Start#' + username
  await (parentToken ? api(server.base, 'POST', '/system/user', { username, password: first, role }, parentToken) : adminApi('POST', '/system/user', { username, password: first, role }))
  const tok = (await api(server.base, 'POST', '/auth/login', { username, password: first })).accessToken
  await api(server.base, 'PUT', '/user/password', { oldPassword: first, newPassword: 'Own#' + username + '1' }, tok)
  return 'Own#' + username + '1'
}

test('stats: the report downloads as xlsx and as pdf', () => session('stats-export', async (page, errors) => {
  await loginHome(page, 'admin', ADMIN_PASSWORD)
  await page.goto(server.base + '/dashboard/stats')
  await page.waitForSelector('[data-test=stats-export]')
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=exportXlsx]')])
  assert.match(xlsx.suggestedFilename(), /\.xlsx$/)
  assert.equal(readFileSync(await xlsx.path()).subarray(0, 2).toString(), 'PK', 'an xlsx is a zip')
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=exportPdf]')])
  assert.match(pdf.suggestedFilename(), /\.pdf$/)
  assert.equal(readFileSync(await pdf.path()).subarray(0, 5).toString(), '%PDF-')
  assert.deepEqual(errors, [])
}))

test('banners: an image is uploaded (multipart) and listed', () => session('banner-upload', async (page, errors) => {
  await loginHome(page, 'admin', ADMIN_PASSWORD)
  const dlg = await createAndFill(page, '/system/banner', { title: 'E2E banner' })
  await dlg.locator('input[type=file][data-field=file]').setInputFiles({ name: 'banner.png', mimeType: 'image/png', buffer: PNG })
  await Promise.all([okResponse(page, (r) => r.url().endsWith('/api/system/banners') && r.request().method() === 'POST'), dlg.locator('[data-test=form-submit]').click()])
  const row = page.locator('.el-table__body tr', { hasText: 'E2E banner' })
  await row.waitFor()
  assert.match(await row.textContent(), /active/)
  assert.deepEqual(errors, [])
}))

test('jobs: run one now, then its run is in the history', () => session('job-run', async (page, errors) => {
  await loginHome(page, 'admin', ADMIN_PASSWORD)
  await page.goto(server.base + '/system/job')
  const row = page.locator('.el-table__body tr').first()
  await row.waitFor()
  await row.locator('[data-action=run]').click()
  await Promise.all([okResponse(page, (r) => /\/api\/system\/job\/[^/]+\/run$/.test(r.url())), confirmBox(page)])
  await page.locator('[data-test=revealed]', { hasText: 'runId' }).waitFor()
  await row.locator('[data-action=runs]').click()
  await page.locator('[data-test=sub-drawer] .el-table__body tr', { hasText: 'manual' }).first().waitFor()
  assert.deepEqual(errors, [])
}))

test('outbox: a card webhook event is listed with its deliveries', () => session('outbox', async (page, errors) => {
  // A project that wants card.disabled webhooks, one card of it, disabled by the admin: the
  // event is written to the outbox in the same transaction (its delivery to a loopback target is
  // refused by default, which is what the deliveries list then shows, if anything yet).
  const project = await adminApi('POST', '/projects', { name: 'E2E Hooks', callbackUrl: 'http://127.0.0.1:9/hook', callbackEvents: ['card.disabled'],
    plans: [{ name: 'Forever', durationSeconds: 0, price: 1, maxDevices: 1 }] })
  const owner = await adminApi('POST', '/system/user', { username: 'e2e_hooks', password: 'Start#Pass4', role: 'agent-admin', initialQuota: 10 })
  const first = (await api(server.base, 'POST', '/auth/login', { username: 'e2e_hooks', password: 'Start#Pass4' })).accessToken
  await api(server.base, 'PUT', '/user/password', { oldPassword: 'Start#Pass4', newPassword: 'Hooks-Own#2026' }, first)
  const tok = (await api(server.base, 'POST', '/auth/login', { username: 'e2e_hooks', password: 'Hooks-Own#2026' })).accessToken
  await adminApi('POST', '/authorizations', { projectId: project.id, agentId: owner.id })
  const batch = await api(server.base, 'POST', '/cards/batches', { projectId: project.id, planId: project.plans[0].id, count: 1 }, tok)
  const card = (await adminApi('GET', `/cards/list?batchId=${batch.id}`)).items[0]
  await adminApi('PUT', `/cards/${card.id}/status`, { status: 'disabled' })

  await loginHome(page, 'admin', ADMIN_PASSWORD)
  await page.goto(server.base + '/system/outbox')
  const row = page.locator('.el-table__body tr', { hasText: 'project.webhook' }).first()
  await row.waitFor()
  await Promise.all([okResponse(page, (r) => /\/api\/system\/outbox\/[^/]+\/deliveries/.test(r.url())), row.locator('[data-action=deliveries]').click()])
  await page.locator('[data-test=sub-drawer] [data-test=list-table]').waitFor()
  assert.equal(await page.locator('[data-test=sub-drawer] [data-test=load-error]').count(), 0)
  assert.deepEqual(errors, [])
}))

test('inbox: an announcement arrives and is marked read', () => session('inbox', async (page, errors) => {
  await adminApi('POST', '/system/announcements', { title: 'E2E inbox', content: 'hello', type: 'system', audience: { all: true } })
  // Delivery to the inboxes may be asynchronous: wait until the admin's inbox holds it.
  const deadline = Date.now() + 30_000
  while (!(await adminApi('GET', '/notifications/list?pageSize=50')).items.some((n) => n.title === 'E2E inbox')) {
    assert.ok(Date.now() < deadline, 'the announcement never reached the inbox')
    await new Promise((r) => setTimeout(r, 200)) // polling interval of a condition wait
  }
  await loginHome(page, 'admin', ADMIN_PASSWORD)
  await page.click('[data-test=inbox-bell]')
  const row = page.locator('.el-table__body tr', { hasText: 'E2E inbox' })
  await row.waitFor()
  await Promise.all([okResponse(page, (r) => /\/api\/notifications\/\d+\/read$/.test(r.url())), row.locator('[data-action=markRead]').click()])
  await row.locator('[data-action=markRead]').waitFor({ state: 'detached' })
  assert.deepEqual(errors, [])
}))

test('payment: the orders list filters, an agent without a channel sees the empty top-up', () => session('payment', async (page, errors) => {
  await loginHome(page, 'admin', ADMIN_PASSWORD)
  await page.goto(server.base + '/quota/payments')
  await page.waitForSelector('[data-test=list-table]')
  await page.locator('[data-filter=userId] input, input[data-filter=userId]').first().fill('1')
  await Promise.all([okResponse(page, (r) => r.url().includes('/api/payment/orders/list') && r.url().includes('userId=1')), page.click('[data-test=search]')])
  const pw = await staff('e2e_payer', 'agent-admin')
  await page.click('[data-test=logout]')
  await loginHome(page, 'e2e_payer', pw)
  await page.goto(server.base + '/quota/topup')
  await page.waitForSelector('[data-test=topup-no-channel], [data-test=topup-pay]')
  assert.deepEqual(errors, [])
}))

// The fake Alipay gateway (hack/fakealipay, built by make panel-e2e) as its own process: the
// real binary's Alipay adapter is pointed at it through the settings.
async function fakeAlipay() {
  const proc = spawn(process.env.FAKE_ALIPAY_BIN || 'fakealipay', [], { stdio: ['pipe', 'pipe', 'inherit'] })
  const line = await new Promise((resolve, reject) => {
    proc.once('error', reject)
    createInterface({ input: proc.stdout }).once('line', resolve)
  })
  return { ...JSON.parse(line), stop: () => proc.stdin.end() }
}

test('payment: a top-up is paid at the gateway, credited, then refunded by the super-admin', () => session('payment-topup', async (page, errors) => {
  const gw = await fakeAlipay()
  try {
    await adminApi('PUT', '/system/settings', { values: gw.settings })
    const pw = await staff('e2e_topup', 'agent-admin')
    await loginHome(page, 'e2e_topup', pw)
    await page.goto(server.base + '/quota/topup')
    await page.waitForSelector('[data-test=topup-pay]')
    await page.locator('[data-field=amount] input').fill('1234')
    const [created] = await Promise.all([okResponse(page, (r) => r.url().endsWith('/api/payment/orders') && r.request().method() === 'POST'), page.click('[data-test=topup-pay]')])
    const order = (await created.json()).data
    assert.match(await page.locator('[data-test=topup-url]').textContent(), /^https:\/\/qr\.alipay\.com\//)
    // The payer pays; "check" asks the gateway, which reports the trade paid.
    const paid = await fetch(`${gw.control}/pay?outTradeNo=${order.outTradeNo}&amount=12.34`, { method: 'POST' })
    assert.equal(paid.status, 200)
    await Promise.all([okResponse(page, (r) => r.url().endsWith(`/api/payment/orders/${order.id}/query`)), page.click('[data-test=topup-check]')])
    await page.locator('[data-test=topup-status]', { hasText: 'paid' }).waitFor()
    const token = await page.evaluate(() => localStorage.getItem('kami.accessToken'))
    assert.equal((await api(server.base, 'GET', '/quota/balance', undefined, token)).available, 1234)

    await page.click('[data-test=logout]')
    await loginHome(page, 'admin', ADMIN_PASSWORD)
    await page.goto(server.base + '/quota/payments')
    const row = page.locator('.el-table__body tr', { hasText: order.outTradeNo })
    await row.waitFor()
    await row.locator('[data-action=refund]').click()
    const dlg = page.locator('.el-dialog:visible')
    await dlg.locator('[data-field=reason] input, input[name=reason]').first().fill('e2e refund')
    await Promise.all([okResponse(page, (r) => r.url().endsWith(`/api/payment/orders/${order.id}/refund`)), dlg.locator('[data-test=form-submit]').click()])
    await page.locator('.el-table__body tr', { hasText: order.outTradeNo }).filter({ hasText: 'refunded' }).waitFor()
    assert.equal(await (await fetch(`${gw.control}/refunds`)).text(), '1', 'one refund at the gateway')
    const again = (await api(server.base, 'POST', '/auth/login', { username: 'e2e_topup', password: pw })).accessToken
    assert.equal((await api(server.base, 'GET', '/quota/balance', undefined, again)).available, 0, 'the refund took the credit back')
    assert.deepEqual(errors, [])
  } finally {
    // Later tests expect the default (no channel configured).
    await adminApi('PUT', '/system/settings', { values: Object.fromEntries(Object.keys(gw.settings).map((k) => [k, null])) })
    gw.stop()
  }
}))

test('relay: a token is created and its key shown once', () => session('relay-token', async (page, errors) => {
  await loginHome(page, 'admin', ADMIN_PASSWORD)
  const dlg = await createAndFill(page, '/relay/tokens', { name: 'e2e-token' })
  await dlg.locator('textarea[name=allowedModels]').fill('gpt-4o\ngpt-4o-mini')
  await Promise.all([okResponse(page, (r) => r.url().endsWith('/api/relay/tokens')), dlg.locator('[data-test=form-submit]').click()])
  assert.match(await page.locator('[data-test=revealed]').textContent(), /key/)
  await page.locator('.el-table__body tr', { hasText: 'e2e-token' }).waitFor()
  assert.deepEqual(errors, [])
}))

test('derp: a plan is created and listed, then serials generated for it', () => session('derp-plan', async (page, errors) => {
  await loginHome(page, 'admin', ADMIN_PASSWORD)
  const dlg = await createAndFill(page, '/derp/plans', { name: 'E2E month', days: '30', price: '1500' })
  await Promise.all([okResponse(page, (r) => r.url().endsWith('/api/derp/plans')), dlg.locator('[data-test=form-submit]').click()])
  await page.locator('.el-table__body tr', { hasText: 'E2E month' }).waitFor()
  // Serials of that plan are generated on their page; the codes are shown once, in the answer.
  const plan = (await adminApi('GET', '/derp/plans/list')).items.find((p) => p.name === 'E2E month')
  await page.goto(server.base + '/derp/serials')
  await page.click('[data-action=generateSerials]')
  const gen = page.locator('.el-dialog:visible')
  await gen.locator('[data-field=planId] input').fill(String(plan.id))
  await gen.locator('[data-field=count] input').fill('2')
  await Promise.all([okResponse(page, (r) => r.url().endsWith('/api/derp/serials/batches')), gen.locator('[data-test=form-submit]').click()])
  const codes = (await page.locator('[data-test=result] pre').textContent()).trim().split('\n')
  assert.equal(codes.length, 2, `two codes: ${codes}`)
  assert.deepEqual(errors, [])
}))

test('camel oil: a merchant is created with its secrets shown once', () => session('camel-merchant', async (page, errors) => {
  await loginHome(page, 'admin', ADMIN_PASSWORD)
  const dlg = await createAndFill(page, '/camel-oil/merchants', { name: 'E2E merchant', notifyUrl: 'https://merchant.example/notify' })
  await Promise.all([okResponse(page, (r) => r.url().endsWith('/api/camel-oil/merchants')), dlg.locator('[data-test=form-submit]').click()])
  assert.match(await page.locator('[data-test=revealed]').textContent(), /appSecret/)
  await page.locator('.el-table__body tr', { hasText: 'E2E merchant' }).waitFor()
  await page.goto(server.base + '/camel-oil/statistics')
  await page.waitForSelector('[data-test=camel-accounts-total]')
  assert.deepEqual(errors, [])
}))

test('camel oil: accounts are imported from a csv with Chinese headers, then exported', () => session('camel-import', async (page, errors) => {
  await loginHome(page, 'admin', ADMIN_PASSWORD)
  await page.goto(server.base + '/camel-oil/accounts')
  await page.waitForSelector('[data-test=list-table]')
  await page.click('[data-action=importAccounts]')
  const dlg = page.locator('.el-dialog:visible')
  // Row 3 is refused (no phone), row 4 repeats row 2: the answer names them by row number.
  const csv = '手机号,密码,每日上限,备注\n13800001111,pw-e2e-1,5,e2e\n,pw-x,5,\n13800001111,pw-e2e-1,5,\n'
  await dlg.locator('input[data-field=file]').setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await Promise.all([okResponse(page, (r) => r.url().endsWith('/api/camel-oil/accounts/import')), dlg.locator('[data-test=form-submit]').click()])
  const result = await page.locator('[data-test=revealed]').textContent()
  assert.match(result, /created: 1/)
  assert.match(result, /#3/)
  await page.locator('.el-table__body tr', { hasText: '13800001111' }).waitFor()
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=export]')])
  assert.match(file.suggestedFilename(), /\.xlsx$/)
  assert.equal(readFileSync(await file.path()).subarray(0, 2).toString(), 'PK', 'an xlsx is a zip')
  assert.deepEqual(errors, [])
}))

test('proxy: the settings are edited (only the changed key is sent)', () => session('proxy-settings', async (page, errors) => {
  await loginHome(page, 'admin', ADMIN_PASSWORD)
  await page.goto(server.base + '/proxy/settings')
  await page.waitForSelector('[data-test=object]')
  await page.click('[data-action=editSettings]')
  await page.locator('.el-dialog:visible [data-field=rps] input').fill('7')
  await page.locator('.el-dialog:visible [data-test=form-submit]').click()
  const [put] = await Promise.all([okResponse(page, (r) => r.url().endsWith('/api/proxy/settings') && r.request().method() === 'PUT'), confirmBox(page)])
  assert.deepEqual(JSON.parse(put.request().postData()), { rps: 7 })
  assert.deepEqual(errors, [])
}))

test('the agent-admin walks its whole menu', () => session('agent-admin-menu', async (page, errors) => {
  const pw = await staff('e2e_walker', 'agent-admin')
  await loginHome(page, 'e2e_walker', pw)
  assert.deepEqual(await walk(page, errors), [], 'every agent-admin menu has its page')
}))

// Last: maintenance refuses every change while on, so the test turns it off again.
test('settings: the version shows and maintenance is switched on and off with a confirmation', () => session('maintenance', async (page, errors) => {
  await loginHome(page, 'admin', ADMIN_PASSWORD)
  await page.goto(server.base + '/system/settings')
  await page.locator('[data-test=system-version]').getByText(/\d+\.\d+\.\d+/).waitFor()
  assert.match(await page.textContent('[data-test=system-schema]'), /^\d{4}$/)
  const sw = page.locator('[data-test=maintenance-switch]')
  await sw.click()
  await Promise.all([okResponse(page, (r) => r.url().endsWith('/api/system/settings') && r.request().method() === 'PUT'), confirmBox(page)])
  await page.locator('[data-test=maintenance-on]').waitFor()
  assert.equal((await adminApi('GET', '/system/maintenance')).enabled, true)
  await sw.click()
  await Promise.all([okResponse(page, (r) => r.url().endsWith('/api/system/settings') && r.request().method() === 'PUT'), confirmBox(page)])
  await page.locator('[data-test=maintenance-on]').waitFor({ state: 'detached' })
  assert.equal((await adminApi('GET', '/system/maintenance')).enabled, false)
  assert.deepEqual(errors, [])
}))
