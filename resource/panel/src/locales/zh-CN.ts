export default {
  app: { inbox: '站内信', title: 'Kami 管理后台', logout: '退出登录', language: '语言', profile: '个人信息' },
  login: {
    title: '登录', username: '用户名', password: '密码', captcha: '验证码', submit: '登录',
    refreshCaptcha: '换一张', required: '请输入用户名和密码',
  },
  common: {
    onePerLine: '每行一个', result: '结果',
    pickFilter: '请先在上方填写筛选条件（如项目 ID）', 
    search: '查询', reset: '重置', create: '新建', edit: '编辑', delete: '删除', save: '保存', cancel: '取消',
    confirm: '确定', actions: '操作', detail: '详情', empty: '暂无数据', loadFailed: '加载失败', retry: '重试',
    confirmTitle: '请确认', confirmDelete: '确定删除这一项吗？', confirmAction: '确定执行“{action}”吗？', success: '操作成功',
    export: '导出', exporting: '正在导出', enable: '启用', disable: '禁用', yes: '是', no: '否',
  },
  page: {
    pickAction: '请选择上方的操作，结果显示在这里', noAction: '你的角色在此页面没有可用操作', 
    notYet: '此页面尚未开放', notYetDesc: '菜单“{title}”的页面正在建设中，稍后的版本会提供。',
    notFound: '页面不存在', home: '返回首页', shownOnce: '以下密钥只显示这一次，请立即保存', importResult: '导入结果',
  },
  field: {
    orderNo: '订单号', buyerId: '买家', distributorId: '分销员', customerId: '客户', commission: '佣金', refunded: '已退款', payMethod: '支付方式',
    last4: '尾号', template: '模板', templateCode: '模板编码', phoneMasked: '手机号', check: '检查项', firstSeen: '首次发现', lastSeen: '最近发现', resolvedAt: '恢复时间', params: '参数（每行 名=值）', channel: '支付渠道', outTradeNo: '订单号', file: '图片', keyHint: '密钥', quotaLimit: '额度上限', usedQuota: '已用', rpmLimit: '每分钟请求', allowedModels: '模型', allowedIps: 'IP', model: '模型', productNo: '产品', instanceNo: '实例', phone: '手机号', dailyLimit: '每日上限', notifyUrl: '通知地址', tier: '等级', days: '天数', price: '价格', schedule: '调度', cycleTimes: '周期数', 
    requestId: '恢复申请 ID', target: '目标数据库', from: '开始', to: '结束', module: '模块', node: '节点', 
    level: '级别',     sendAt: '发送时间',     planName: '套餐名称', planDurationSeconds: '时长（秒，0 为永久）', planPrice: '价格', planMaxDevices: '设备数', 
    id: 'ID', username: '用户名', password: '密码', role: '角色', status: '状态', parentId: '上级', realName: '姓名',
    email: '邮箱', remark: '备注', createdAt: '创建时间', lastLoginAt: '最后登录', name: '名称', description: '描述',
    version: '版本', callbackUrl: '回调地址', projectId: '项目', planId: '套餐', count: '数量', cost: '花费',
    amount: '数量', account: '账户', title: '标题', content: '内容', type: '类型', topic: '主题', attempts: '尝试次数',
    keyword: '关键字', code: '卡密', batchId: '批次', agentId: '代理', expiresAt: '到期时间', reason: '原因',
    available: '可用', frozen: '冻结', balanceAfter: '变动后余额', kind: '类别', ip: 'IP', path: '路径', method: '方法',
    spec: '周期', enabled: '已启用', lastRunAt: '上次运行', sort: '排序', link: '链接', initialQuota: '初始额度',
    toUsername: '转给用户名', userId: '用户ID', audience: '受众', updatedAt: '更新时间', result: '结果',
  },
  dashboard: { welcome: '欢迎，{name}', balance: '我的额度', cards: '卡密生成', quota: '额度流转', heatmap: '活跃热力图' },
  password: { title: '请修改初始密码', old: '当前密码', new: '新密码' },
  action: { testAll: '全部测试', test: '测试', addKeys: '添加密钥', events: '事件', assignGroup: '分配用户', detail: '详情', flowLogs: '流量记录', orderStats: '订单统计', resolve: '处理', callbackLogs: '回调记录', callLogs: '上游调用', discrepancies: '对账差异', cancel: '撤销', prepare: '准备主机', drain: '停止分配', undrain: '恢复分配', confirmHostKey: '确认主机密钥', smsTest: '发送测试短信', allRuns: '全部运行记录', drawApi: '提取（链接）', drawPwd: '提取（账号密码）', runs: '运行记录', deliveries: '投递记录', calls: '接口调用', failures: '拒绝的调用', readAll: '全部已读', markRead: '标为已读', orderLog: '支付日志', queryOrder: '向支付方查询', refund: '退款', rotateKey: '轮换密钥', limits: '限额', setLimit: '设置限额', renew: '续费', release: '释放', acquire: '获取账号', importAccounts: '导入账号', history: '历史', setDistributor: '设置分销商', editSettings: '修改设置', testUpstream: '测试上游', callbackToken: '新回调令牌', lookupOrder: '查询订单', orderStatic: '购买静态 IP', orderDynamic: '购买动态流量', refreshOrder: '刷新订单', generateSerials: '生成序列号', unlock: '解锁', exportPdf: '导出 pdf',  backupNow: '立即备份', approveRestore: '批准恢复申请', restore: '恢复', grants: '菜单授权', exportXlsx: '导出 xlsx', exportCsv: '导出 csv', disable: '禁用', enable: '启用', password: '重置密码', run: '立即运行', redeliver: '重新投递', rotateSecret: '轮换密钥', approve: '通过', reject: '驳回', unbind: '解绑', transfer: '转账', recharge: '充值' },
  status: { enabled: '启用', disabled: '禁用', pending: '待验证' },
  payment: { noChannel: '未启用任何支付渠道', pay: '支付', payUrl: '支付地址', check: '查询支付结果' },
  system: { commit: '提交', schema: '数据库版本', maintenance: '维护模式', maintenanceOn: '维护中', maintenanceOnConfirm: '开启维护模式？关闭前所有修改都会被拒绝（503）。', maintenanceOffConfirm: '关闭维护模式？' },
  report: { cards: '卡密', quota: '额度', activity: '活跃', 'top-agents': '代理排行' },
  camel: { accounts: '账号池', total: '账号数', today: '今日', days: '每日订单' },
<<<<<<< HEAD
  // derp-money
  derp: {
    myRentals: '我的中继', activate: '激活', renew: '续费', serial: '序列号', payPlan: '或用余额购买套餐',
    serialOrPlan: '请输入序列号或选择套餐', unlimited: '不限', rentalNo: '租用编号', daysLeft: '剩余 {n} 天',
    traffic: '流量', nodes: '节点', downloadAcl: '下载 derpMap', myOrders: '我的订单', ledger: '账本', noRentals: '还没有中继：用序列号激活一个',
    startedAt: '开始时间', maxDevices: '设备数', aclVersion: 'derpMap 版本', degraded: '暂时不足 3 个区域：其余正在分配',
    region: '区域', host: '主机', port: '端口', month: '月份', finance: '财务', orders: '订单', serials: '序列号',
    planCounts: '各套餐租用数', distributorFigures: '分销员', payMethod: '支付方式',
    revenueMonth: '本月收入', revenueTotal: '累计收入', commissionMonth: '本月佣金', commissionTotal: '累计佣金',
    prepaidCustomers: '客户余额', prepaidDistributors: '分销员余额', completed: '已完成', renewed: '续费',
    cancelled: '已取消', rejected: '已拒绝', refunded: '已退款', pendingReview: '待审核', unused: '未使用', used: '已使用',
    expired: '已过期', void: '已作废', tier: '等级', purchaseMonth: '本月采购', purchaseTotal: '累计采购',
    customers: '客户数', activeRentals: '活跃租用', serialsUnused: '未使用序列号', serialsUsed: '已使用序列号', serialsExpired: '已过期序列号',
=======
  relayStats: {
    summary: '合计', series: '请求与额度', top: '排行', day: '按天', hour: '按小时', model: '模型',
    requests: '请求数', success: '成功', failed: '失败', promptTokens: '输入 Token', completionTokens: '输出 Token', quota: '额度',
    dim: { model: '模型', user: '用户', channel: '渠道' },
>>>>>>> relay-a
  },
}
