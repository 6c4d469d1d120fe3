import axios, { AxiosError, type AxiosRequestConfig } from 'axios'
import { ElMessage } from 'element-plus'
import { currentLocale } from './i18n'

// The Vben contract (admin-api.md): every call is under /api, answers an envelope
// {code,data,error,message}; 401 is the only status that means "refresh the access token".
const TOKEN_KEY = 'kami.accessToken'

export const token = {
  get: () => localStorage.getItem(TOKEN_KEY) || '',
  set: (t: string) => localStorage.setItem(TOKEN_KEY, t),
  clear: () => localStorage.removeItem(TOKEN_KEY),
}

export class ApiError extends Error {
  constructor(message: string, public status: number, public reason?: string) {
    super(message)
  }
}

const http = axios.create({ baseURL: '/api', withCredentials: true })

http.interceptors.request.use((cfg) => {
  const t = token.get()
  if (t) cfg.headers.set('Authorization', `Bearer ${t}`)
  cfg.headers.set('Accept-Language', currentLocale())
  return cfg
})

let refreshing: Promise<string> | null = null
let onLoggedOut: () => void = () => {}
export function setLoggedOutHandler(fn: () => void) { onLoggedOut = fn }

// Refresh goes through a bare request with the cookie alone, as Vben's client does; the new
// access token is the raw body. Concurrent 401s share one refresh.
function refresh(): Promise<string> {
  if (!refreshing) {
    refreshing = axios
      .post('/api/auth/refresh', { withCredentials: true }, { withCredentials: true, responseType: 'text' })
      .then((r) => {
        const t = String(r.data).trim()
        token.set(t)
        return t
      })
      .finally(() => { refreshing = null })
  }
  return refreshing
}

function errorText(e: AxiosError<any>): string {
  const d = e.response?.data
  if (d && typeof d === 'object') return d.error ?? d.message ?? e.message
  return e.message
}

export async function request<T = any>(cfg: AxiosRequestConfig & { quiet?: boolean }, retried = false): Promise<T> {
  try {
    const r = await http.request(cfg)
    if (cfg.responseType === 'blob') return r as any
    return r.data?.data as T
  } catch (err) {
    const e = err as AxiosError<any>
    const status = e.response?.status ?? 0
    const isAuth = String(cfg.url || '').startsWith('/auth/login')
    if (status === 401 && !retried && !isAuth && token.get()) {
      try {
        await refresh()
      } catch {
        token.clear()
        onLoggedOut()
        throw new ApiError(errorText(e), status)
      }
      return request<T>(cfg, true)
    }
    let msg = errorText(e)
    if (cfg.responseType === 'blob' && e.response?.data instanceof Blob) {
      try { const j = JSON.parse(await (e.response.data as Blob).text()); msg = j.error ?? j.message ?? msg } catch { /* not JSON */ }
    }
    if (!cfg.quiet) ElMessage.error(msg)
    throw new ApiError(msg, status, e.response?.data?.reason)
  }
}

export const api = {
  get: <T = any>(url: string, params?: any, quiet = false) => request<T>({ url, method: 'get', params, quiet }),
  post: <T = any>(url: string, data?: any, quiet = false) => request<T>({ url, method: 'post', data, quiet }),
  put: <T = any>(url: string, data?: any) => request<T>({ url, method: 'put', data }),
  del: <T = any>(url: string) => request<T>({ url, method: 'delete' }),
}

// download fetches a file with the bearer token, reporting progress, and saves it under the
// server's file name.
export async function download(url: string, params: any, onProgress?: (pct: number) => void): Promise<string> {
  const r: any = await request({
    url, method: 'get', params, responseType: 'blob',
    onDownloadProgress: (p) => onProgress?.(p.total ? Math.round((p.loaded / p.total) * 100) : 0),
  })
  const cd = String(r.headers['content-disposition'] || '')
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(cd)
  const name = m ? decodeURIComponent(m[1]) : url.split('/').pop() || 'download'
  const a = document.createElement('a')
  a.href = URL.createObjectURL(r.data)
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  onProgress?.(100)
  return name
}

// newKey makes an Idempotency-Key. crypto.randomUUID exists only in secure contexts (https or
// localhost); getRandomValues works on a plain-http LAN address too.
export function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
}
