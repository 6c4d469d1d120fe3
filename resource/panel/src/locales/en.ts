export default {
  app: { inbox: 'Inbox', title: 'Kami Admin', logout: 'Log out', language: 'Language', profile: 'Profile' },
  login: {
    title: 'Sign in', username: 'Username', password: 'Password', captcha: 'Captcha', submit: 'Sign in',
    refreshCaptcha: 'Another one', required: 'Enter the username and the password',
  },
  common: {
    onePerLine: 'One a line', result: 'Result',
    pickFilter: 'Fill in the filter above first (e.g. the project ID)', 
    search: 'Search', reset: 'Reset', create: 'New', edit: 'Edit', delete: 'Delete', save: 'Save', cancel: 'Cancel',
    confirm: 'OK', actions: 'Actions', detail: 'Detail', empty: 'No data', loadFailed: 'Failed to load', retry: 'Retry',
    confirmTitle: 'Please confirm', confirmDelete: 'Delete this item?', confirmAction: 'Run "{action}"?', success: 'Done',
    export: 'Export', exporting: 'Exporting', enable: 'Enable', disable: 'Disable', yes: 'Yes', no: 'No',
  },
  page: {
    pickAction: 'Pick an action above; its answer shows here', noAction: 'Your role has no action on this page', 
    notYet: 'This page is not yet available', notYetDesc: 'The page of the menu "{title}" is being built and comes in a later release.',
    notFound: 'Page not found', home: 'Back home', shownOnce: 'These secrets are shown only once: save them now', importResult: 'Import result',
  },
  field: {
    orderNo: 'Order no.', buyerId: 'Buyer', distributorId: 'Distributor', customerId: 'Customer', commission: 'Commission', refunded: 'Refunded', payMethod: 'Paid by',
    last4: 'Last 4 digits', template: 'Template', templateCode: 'Template code', phoneMasked: 'Phone', check: 'Check', firstSeen: 'First seen', lastSeen: 'Last seen', resolvedAt: 'Resolved at', params: 'Parameters (name=value a line)', channel: 'Channel', outTradeNo: 'Order no.', file: 'Image', keyHint: 'Key', quotaLimit: 'Quota limit', usedQuota: 'Used', rpmLimit: 'RPM', allowedModels: 'Models', allowedIps: 'IPs', model: 'Model', productNo: 'Product', instanceNo: 'Instance', phone: 'Phone', dailyLimit: 'Daily limit', notifyUrl: 'Notify URL', tier: 'Tier', days: 'Days', price: 'Price', schedule: 'Schedule', cycleTimes: 'Cycles', 
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
  action: { testAll: 'Test all', test: 'Test', addKeys: 'Add keys', events: 'Events', assignGroup: 'Assign a user', detail: 'Detail', flowLogs: 'Flow records', orderStats: 'Order totals', resolve: 'Decide', callbackLogs: 'Callbacks', callLogs: 'Upstream calls', discrepancies: 'Findings', cancel: 'Cancel', prepare: 'Prepare', drain: 'Drain', undrain: 'Undrain', confirmHostKey: 'Confirm host key', smsTest: 'Send a test SMS', allRuns: 'All runs', drawApi: 'Draw (URLs)', drawPwd: 'Draw (user/password)', runs: 'Runs', deliveries: 'Deliveries', calls: 'API calls', failures: 'Refused calls', readAll: 'Mark all read', markRead: 'Mark read', orderLog: 'Payment log', queryOrder: 'Ask the provider', refund: 'Refund', rotateKey: 'Rotate key', limits: 'Limits', setLimit: 'Set a limit', renew: 'Renew', release: 'Release', acquire: 'Acquire accounts', importAccounts: 'Import accounts', history: 'History', setDistributor: 'Set a distributor', editSettings: 'Edit settings', testUpstream: 'Test the upstream', callbackToken: 'New callback token', lookupOrder: 'Look up an order', orderStatic: 'Order static IPs', orderDynamic: 'Order dynamic traffic', refreshOrder: 'Refresh an order', generateSerials: 'Generate serials', unlock: 'Unlock', exportPdf: 'Export pdf',  backupNow: 'Back up now', approveRestore: 'Approve a restore request', restore: 'Restore', grants: 'Menu grants', exportXlsx: 'Export xlsx', exportCsv: 'Export csv', disable: 'Disable', enable: 'Enable', password: 'Reset password', run: 'Run now', redeliver: 'Redeliver', rotateSecret: 'Rotate secret', approve: 'Approve', reject: 'Reject', unbind: 'Unbind', transfer: 'Transfer', recharge: 'Recharge' },
  status: { enabled: 'Enabled', disabled: 'Disabled', pending: 'Pending' },
  payment: { noChannel: 'No payment channel is enabled', pay: 'Pay', payUrl: 'Pay at', check: 'Check the payment' },
  system: { commit: 'Commit', schema: 'Schema', maintenance: 'Maintenance', maintenanceOn: 'Maintenance on', maintenanceOnConfirm: 'Turn maintenance mode on? Every change is refused (503) until it is off.', maintenanceOffConfirm: 'Turn maintenance mode off?' },
  report: { cards: 'Cards', quota: 'Quota', activity: 'Activity', 'top-agents': 'Top agents' },
  camel: { accounts: 'Account pool', total: 'Accounts', today: 'Today', days: 'Orders per day' },
<<<<<<< HEAD
  // derp-money
  derp: {
    myRentals: 'My relays', activate: 'Activate', renew: 'Renew', serial: 'Serial', payPlan: 'Or pay a plan from the balance',
    serialOrPlan: 'Enter a serial or pick a plan', unlimited: 'unlimited', rentalNo: 'Rental no.', daysLeft: '{n} days left',
    traffic: 'Traffic', nodes: 'Nodes', downloadAcl: 'Download derpMap', myOrders: 'My orders', ledger: 'Ledger', noRentals: 'No relay yet: activate one with a serial',
    startedAt: 'Started', maxDevices: 'Devices', aclVersion: 'derpMap version', degraded: 'Fewer than 3 regions for now: the rest are being placed',
    region: 'Region', host: 'Host', port: 'Port', month: 'Month', finance: 'Finance', orders: 'Orders', serials: 'Serials',
    planCounts: 'Rentals per plan', distributorFigures: 'Distributors', payMethod: 'Paid by',
    revenueMonth: 'Revenue (month)', revenueTotal: 'Revenue (total)', commissionMonth: 'Commission (month)', commissionTotal: 'Commission (total)',
    prepaidCustomers: 'Customer balances', prepaidDistributors: 'Distributor balances', completed: 'completed', renewed: 'renewed',
    cancelled: 'cancelled', rejected: 'rejected', refunded: 'refunded', pendingReview: 'pending review', unused: 'unused', used: 'used',
    expired: 'expired', void: 'void', tier: 'Tier', purchaseMonth: 'Purchases (month)', purchaseTotal: 'Purchases (total)',
    customers: 'Customers', activeRentals: 'Active rentals', serialsUnused: 'Serials unused', serialsUsed: 'Serials used', serialsExpired: 'Serials expired',
=======
  relayStats: {
    summary: 'Totals', series: 'Requests and quota', top: 'Ranking', day: 'By day', hour: 'By hour', model: 'Model',
    requests: 'Requests', success: 'Succeeded', failed: 'Failed', promptTokens: 'Prompt tokens', completionTokens: 'Completion tokens', quota: 'Quota',
    dim: { model: 'Model', user: 'User', channel: 'Channel' },
>>>>>>> relay-a
  },
}
