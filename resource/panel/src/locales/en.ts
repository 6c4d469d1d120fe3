export default {
  app: { title: 'Kami Admin', logout: 'Log out', language: 'Language', profile: 'Profile' },
  login: {
    title: 'Sign in', username: 'Username', password: 'Password', captcha: 'Captcha', submit: 'Sign in',
    refreshCaptcha: 'Another one', required: 'Enter the username and the password',
  },
  common: {
    pickFilter: 'Fill in the filter above first (e.g. the project ID)', 
    search: 'Search', reset: 'Reset', create: 'New', edit: 'Edit', delete: 'Delete', save: 'Save', cancel: 'Cancel',
    confirm: 'OK', actions: 'Actions', detail: 'Detail', empty: 'No data', loadFailed: 'Failed to load', retry: 'Retry',
    confirmTitle: 'Please confirm', confirmDelete: 'Delete this item?', confirmAction: 'Run "{action}"?', success: 'Done',
    export: 'Export', exporting: 'Exporting', enable: 'Enable', disable: 'Disable', yes: 'Yes', no: 'No',
  },
  page: {
    notYet: 'This page is not yet available', notYetDesc: 'The page of the menu "{title}" is being built and comes in a later release.',
    notFound: 'Page not found', home: 'Back home', shownOnce: 'These secrets are shown only once: save them now',
  },
  field: {
    requestId: 'Restore request ID', target: 'Target database', from: 'From', to: 'To', module: 'Module', node: 'Node', 
    level: 'Level',     sendAt: 'Send at',     planName: 'Plan name', planDurationSeconds: 'Duration (s, 0 = permanent)', planPrice: 'Price', planMaxDevices: 'Devices', 
    id: 'ID', username: 'Username', password: 'Password', role: 'Role', status: 'Status', parentId: 'Parent', realName: 'Name',
    email: 'Email', remark: 'Remark', createdAt: 'Created', lastLoginAt: 'Last login', name: 'Name', description: 'Description',
    version: 'Version', callbackUrl: 'Callback URL', projectId: 'Project', planId: 'Plan', count: 'Count', cost: 'Cost',
    amount: 'Amount', account: 'Account', title: 'Title', content: 'Content', type: 'Type', topic: 'Topic', attempts: 'Attempts',
    keyword: 'Keyword', code: 'Card', batchId: 'Batch', agentId: 'Agent', expiresAt: 'Expires', reason: 'Reason',
    available: 'Available', frozen: 'Frozen', balanceAfter: 'Balance after', kind: 'Kind', ip: 'IP', path: 'Path', method: 'Method',
    spec: 'Schedule', enabled: 'Enabled', lastRunAt: 'Last run', sort: 'Sort', link: 'Link', initialQuota: 'Initial quota',
    toUsername: 'To username', userId: 'User ID', audience: 'Audience', updatedAt: 'Updated', result: 'Result',
  },
  dashboard: { welcome: 'Welcome, {name}', balance: 'My quota', cards: 'Cards generated', quota: 'Quota flow', heatmap: 'Activity heatmap' },
  password: { title: 'Change the initial password', old: 'Current password', new: 'New password' },
  action: { backupNow: 'Back up now', approveRestore: 'Approve a restore request', restore: 'Restore', grants: 'Menu grants', exportXlsx: 'Export xlsx', exportCsv: 'Export csv', disable: 'Disable', enable: 'Enable', password: 'Reset password', run: 'Run now', redeliver: 'Redeliver', rotateSecret: 'Rotate secret', approve: 'Approve', reject: 'Reject', unbind: 'Unbind', transfer: 'Transfer', recharge: 'Recharge' },
  status: { enabled: 'Enabled', disabled: 'Disabled', pending: 'Pending' },
}
