// Starts the real kami binary (KAMI_BIN) on a free loopback port with the embedded backend
// in a temporary data dir, and waits until /healthz answers.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, openSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const ADMIN_PASSWORD = 'E2e-Admin#2026'

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)) })
    s.on('error', reject)
  })
}

export async function startServer(outDir) {
  const bin = process.env.KAMI_BIN
  if (!bin) throw new Error('KAMI_BIN must name a built kami binary')
  const dir = mkdtempSync(join(tmpdir(), 'kami-e2e-'))
  const port = await freePort()
  const log = openSync(join(outDir, 'server.log'), 'w')
  const proc = spawn(bin, [], {
    cwd: dir,
    env: { ...process.env, KAMI_DATA_DIR: dir, KAMI_HTTP_ADDR: `127.0.0.1:${port}`, KAMI_ADMIN_PASSWORD: ADMIN_PASSWORD,
      KAMI_DB_LINK: '', KAMI_REDIS_ADDR: '', KAMI_BACKUP_KEY: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', KAMI_PUBLIC_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', log, log],
  })
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`kami exited with ${proc.exitCode}; see server.log`)
    try { if ((await fetch(base + '/healthz')).ok) break } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error('kami did not answer /healthz within 60 s')
    await new Promise((r) => setTimeout(r, 100)) // polling interval of a condition wait
  }
  return {
    base,
    stop: async () => {
      proc.kill('SIGTERM')
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)))
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

// api calls the backend directly (test setup only: users the UI then logs in as).
export async function api(base, method, path, body, tokenValue) {
  const r = await fetch(base + '/api' + path, {
    method,
    headers: { 'content-type': 'application/json', ...(tokenValue ? { authorization: `Bearer ${tokenValue}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const j = await r.json()
  if (j.code !== 0) throw new Error(`${method} ${path}: ${r.status} ${j.error}`)
  return j.data
}
