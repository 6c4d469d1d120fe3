// Browser test of the DERP member portal (derp-money): a customer created by the admin logs in,
// changes its first-login password, walks its menu, activates a rental with a serial through the
// page and sees it listed; the admin's finance page shows the month and the orders.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { server, session, login, walk, adminApi, ADMIN_PASSWORD } from './helpers.mjs'

const okResponse = (page, test) => page.waitForResponse((r) => test(r) && r.status() === 200)

test('derp: a member activates a rental with a serial on its portal', () => session('derp-member', async (page, errors) => {
  const plan = await adminApi('POST', '/derp/plans', { name: 'E2E portal 30d', days: 30, price: 990, status: 'enabled' })
  for (const [i, region] of ['sha', 'can', 'hkg'].entries()) {
    // Loopback hosts with a closed SSH port: registration never contacts them, activation places on them.
    await adminApi('POST', '/derp/servers', { name: `e2e-${region}`, region, regionName: region.toUpperCase(),
      publicIpv4: `127.0.60.${i + 1}`, sshHost: '127.0.0.1', sshPort: 9, sshAuth: 'password', sshSecret: 'e2e-secret' })
  }
  const batch = await adminApi('POST', '/derp/serials/batches', { planId: plan.id, count: 1 })
  const email = 'e2e.member@example.test'
  await adminApi('POST', '/derp/customers', { email, password: 'Start#Member1' })

  await login(page, email, 'Start#Member1')
  await page.waitForURL('**/password')
  await page.fill('input[name=oldPassword]', 'Start#Member1')
  await page.fill('input[name=newPassword]', 'Member-Own#2026')
  await page.click('[data-test=password-submit]')
  await page.waitForSelector('[data-test=side-menu]')
  const notYet = await walk(page, errors)
  assert.deepEqual(notYet, [], 'every member menu has its page')

  await page.goto(server.base + '/derp/mine')
  await page.waitForSelector('[data-test=derp-rental-table]')
  await page.click('[data-test=derp-activate]')
  const dlg = page.locator('.el-dialog:visible')
  await dlg.locator('input[data-field=serial], [data-field=serial] input').first().fill(batch.codes[0].toLowerCase())
  await Promise.all([okResponse(page, (r) => r.url().endsWith('/api/derp/me/rentals/activate')), dlg.locator('[data-test=form-submit]').click()])
  const row = page.locator('[data-test=derp-rental-table] .el-table__body tr', { hasText: 'E2E portal 30d' })
  await row.waitFor()
  assert.match(await row.textContent(), /active/)
  // The derpMap downloads as the file §6 names, valid JSON with the three regions.
  const [file] = await Promise.all([page.waitForEvent('download'), row.locator('[data-action=downloadAcl]').click()])
  assert.match(file.suggestedFilename(), /^kami-derp-.+-v1\.json$/)
  const map = JSON.parse(readFileSync(await file.path(), 'utf8'))
  assert.deepEqual(Object.keys(map.derpMap.Regions).sort(), ['901', '902', '903'])
  // Auto-renewal is switched on and kept.
  await Promise.all([okResponse(page, (r) => /\/api\/derp\/me\/rentals\/\d+\/auto-renew$/.test(r.url())), row.locator('[data-test=derp-auto-renew]').click()])
  await row.locator('[data-test=derp-auto-renew].is-checked').waitFor()
  await row.locator('[data-action=rentalDetail]').click()
  await page.locator('[data-test=derp-nodes] .el-table__body tr').first().waitFor()
  assert.equal(await page.locator('[data-test=derp-nodes] .el-table__body tr').count(), 3, 'three regions placed')
  // The activation is the member's own order (amount 0: the serial was sold before).
  await page.keyboard.press('Escape')
  await page.locator('.list-page .el-table__body tr', { hasText: 'rental_new' }).first().waitFor()
  assert.deepEqual(errors, [])
}))

test('derp: the admin finance page shows the month and every order', () => session('derp-finance', async (page, errors) => {
  await login(page, 'admin', ADMIN_PASSWORD)
  await page.waitForSelector('[data-test=side-menu]')
  await page.goto(server.base + '/derp/finance')
  await page.waitForSelector('[data-test=finance-summary]')
  await page.locator('[data-test=list-table] .el-table__body tr', { hasText: 'rental_new' }).first().waitFor()
  assert.equal(await page.locator('[data-test=load-error]').count(), 0)
  assert.deepEqual(errors, [])
}))
