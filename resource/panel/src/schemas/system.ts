import type { ListSchema } from './types'

const roleOptions = [
  { label: 'agent-admin', value: 'agent-admin' },
  { label: 'agent', value: 'agent' },
]
const statusOptions = [
  { label: '1', value: 1 },
  { label: '0', value: 0 },
]

export const users: ListSchema = {
  list: '/system/user/list',
  columns: [
    { key: 'id', width: 80, sortable: true }, { key: 'username', sortable: true }, { key: 'role' }, { key: 'status', width: 90 },
    { key: 'parentId', width: 90 }, { key: 'realName' }, { key: 'email' }, { key: 'lastLoginAt' }, { key: 'createdAt', sortable: true },
  ],
  filters: [
    { key: 'username' },
    { key: 'role', type: 'select', options: roleOptions },
    { key: 'status', type: 'select', options: statusOptions },
  ],
  create: {
    code: 'System:User:Create', url: '/system/user',
    fields: [
      { key: 'username', required: true }, { key: 'password', type: 'password', required: true },
      { key: 'role', type: 'select', options: roleOptions, required: true }, { key: 'email' }, { key: 'phone' }, { key: 'realName' },
      { key: 'remark' }, { key: 'initialQuota', type: 'number' },
    ],
  },
  edit: { code: 'System:User:Edit', url: (r) => `/system/user/${r.id}`, fields: [{ key: 'realName' }, { key: 'email' }, { key: 'phone' }, { key: 'remark' }] },
  actions: [
    { label: 'disable', code: 'System:User:Status', danger: true, method: 'put', url: (r) => `/system/user/${r.id}/status`, body: () => ({ status: 0 }), show: (r) => r.status === 1 },
    { label: 'enable', code: 'System:User:Status', method: 'put', url: (r) => `/system/user/${r.id}/status`, body: () => ({ status: 1 }), show: (r) => r.status === 0 },
    { label: 'password', code: 'System:User:Password', method: 'put', url: (r) => `/system/user/${r.id}/password`, fields: [{ key: 'password', type: 'password', required: true }] },
  ],
}

export const operationLog: ListSchema = {
  list: '/system/log/operation/list', filters: [{ key: 'username' }, { key: 'path' }],
  exportFile: { code: 'System:Log:Operation', url: '/system/log/operation/export' },
}
export const loginLog: ListSchema = {
  list: '/system/log/login/list', filters: [{ key: 'username' }],
  exportFile: { code: 'System:Log:Login', url: '/system/log/login/export' },
}
// A job's run history, newest first; the jobs page opens it per job.
export const jobRuns = (name?: string): ListSchema => ({
  list: '/system/job/runs', params: name ? { name } : undefined,
  columns: [
    { key: 'id', width: 70 }, { key: 'job' }, { key: 'node' }, { key: 'trigger', width: 90 }, { key: 'status', width: 100 },
    { key: 'items', width: 80 }, { key: 'error' }, { key: 'startedAt' }, { key: 'finishedAt' },
  ],
  filters: [
    { key: 'status', type: 'select', options: ['running', 'success', 'failed', 'interrupted'].map((v) => ({ label: v, value: v })) },
    { key: 'trigger', type: 'select', options: ['schedule', 'manual'].map((v) => ({ label: v, value: v })) },
  ],
})
export const jobs: ListSchema = {
  list: '/system/job/list',
  columns: [
    { key: 'name' }, { key: 'description' }, { key: 'schedule' }, { key: 'enabled', width: 90 }, { key: 'running', width: 90 },
    { key: 'lastRun', format: (v) => (v ? `${v.status} ${v.startedAt}` : '') },
  ],
  edit: { code: 'System:Job:Edit', url: (r) => `/system/job/${r.name}`, fields: [{ key: 'schedule' }, { key: 'enabled', type: 'switch' }] },
  toolbar: [{ label: 'allRuns', code: 'System:Job:List', sub: () => jobRuns() }],
  actions: [
    { label: 'runs', code: 'System:Job:List', sub: (r) => jobRuns(r.name) },
    { label: 'run', code: 'System:Job:Run', confirm: true, method: 'post', url: (r) => `/system/job/${r.name}/run`, reveal: (d) => (d?.runId ? { runId: d.runId } : null) },
  ],
}
export const announcements: ListSchema = {
  list: '/system/announcements/list',
  create: {
    code: 'System:Announcement:Create', url: '/system/announcements', defaults: { type: 'system', audience: 'all' },
    fields: [
      { key: 'title', required: true }, { key: 'content', type: 'textarea', required: true },
      { key: 'type', type: 'select', required: true, options: ['system', 'feature', 'maintenance'].map((v) => ({ label: v, value: v })) },
      { key: 'audience', type: 'select', required: true, options: ['all', 'super-admin', 'agent-admin', 'agent'].map((v) => ({ label: v, value: v })) },
      { key: 'sendAt', type: 'datetime' }, { key: 'email', type: 'switch' },
    ],
    // The audience select is everyone or one role; lists of users are left to the API.
    body: ({ audience, ...a }) => ({ ...a, audience: audience === 'all' ? { all: true } : { roles: [audience] } }),
  },
}
export const outbox: ListSchema = {
  list: '/system/outbox/list',
  filters: [
    { key: 'status', type: 'select', options: ['pending', 'delivered', 'failed'].map((v) => ({ label: v, value: v })) },
    { key: 'topic' },
  ],
  actions: [
    { label: 'deliveries', code: 'System:Outbox:List', sub: (r) => ({ list: `/system/outbox/${r.id}/deliveries` }) },
    { label: 'redeliver', code: 'System:Outbox:Redeliver', confirm: true, method: 'post', url: (r) => `/system/outbox/${r.id}/redeliver` },
  ],
}
// Banners: the image is uploaded as multipart (JPG/PNG up to 2 MB, checked by the server).
export const banners: ListSchema = {
  list: '/system/banners/list',
  columns: [
    { key: 'id', width: 70 }, { key: 'title' }, { key: 'link' }, { key: 'sort', width: 80 }, { key: 'status', width: 90 },
    { key: 'width', width: 80 }, { key: 'height', width: 80 }, { key: 'createdAt' },
  ],
  filters: [{ key: 'status', type: 'select', options: ['active', 'disabled'].map((v) => ({ label: v, value: v })) }],
  create: {
    code: 'System:Banner:Edit', url: '/system/banners', multipart: true, defaults: { sort: 0, status: 'active' },
    fields: [
      { key: 'file', type: 'file', required: true }, { key: 'title' }, { key: 'link', placeholder: 'https://' },
      { key: 'sort', type: 'number' }, { key: 'status', type: 'select', options: ['active', 'disabled'].map((v) => ({ label: v, value: v })) },
    ],
  },
  edit: { code: 'System:Banner:Edit', url: (r) => `/system/banners/${r.id}`, fields: [{ key: 'title' }, { key: 'link' }, { key: 'sort', type: 'number' }] },
  actions: [
    { label: 'disable', code: 'System:Banner:Edit', method: 'put', url: (r) => `/system/banners/${r.id}/status`, body: () => ({ status: 'disabled' }), show: (r) => r.status === 'active' },
    { label: 'enable', code: 'System:Banner:Edit', method: 'put', url: (r) => `/system/banners/${r.id}/status`, body: () => ({ status: 'active' }), show: (r) => r.status !== 'active' },
  ],
  remove: { code: 'System:Banner:Delete', url: (r) => `/system/banners/${r.id}` },
}

// The caller's own inbox (every signed-in user; no menu node, the header's bell opens it).
export const inbox: ListSchema = {
  list: '/notifications/list',
  columns: [{ key: 'id', width: 70 }, { key: 'title' }, { key: 'content' }, { key: 'kindName', width: 140 }, { key: 'readAt' }, { key: 'createdAt' }],
  toolbar: [{ label: 'readAll', method: 'put', url: () => '/notifications/read-all', body: () => ({}) }],
  actions: [{ label: 'markRead', method: 'put', url: (r) => `/notifications/${r.id}/read`, body: () => ({}), show: (r) => !r.read }],
}

const levelOptions = ['info', 'warning', 'error', 'critical'].map((v) => ({ label: v, value: v }))
export const systemLog: ListSchema = {
  list: '/system/log/system/list',
  filters: [{ key: 'from', placeholder: 'RFC 3339' }, { key: 'to', placeholder: 'RFC 3339' }, { key: 'level', type: 'select', options: levelOptions }, { key: 'module' }, { key: 'node' }],
  exportFile: { code: 'System:Log:System', url: '/system/log/system/export' },
}
// Backups: a restore is asked for by one super-admin and approved by another (the request id
// is shown after asking, so the second one can approve it).
export const backups: ListSchema = {
  list: '/system/backups/list',
  columns: [
    { key: 'id', width: 70 }, { key: 'file' }, { key: 'node' }, { key: 'size' }, { key: 'status', width: 90 },
    { key: 'error' }, { key: 'createdAt' }, { key: 'verifiedAt' },
  ],
  toolbar: [
    { label: 'backupNow', code: 'System:Backup:Create', confirm: true, method: 'post', url: () => '/system/backups' },
    { label: 'approveRestore', code: 'System:Backup:Restore', danger: true, method: 'post', fields: [{ key: 'requestId', type: 'number', required: true }],
      url: (_, f) => `/system/restore-requests/${f?.requestId}/approve`, body: () => ({}) },
  ],
  actions: [{
    label: 'restore', code: 'System:Backup:Restore', danger: true, method: 'post', show: (r) => r.status === 'verified',
    url: (r) => `/system/backups/${r.id}/restore`, fields: [{ key: 'target', required: true }, { key: 'reason', required: true }],
    reveal: (d) => (d ? { requestId: d.id, status: d.status } : null),
  }],
}
