export default {
  app: { title: 'Kami 管理后台', logout: '退出登录', language: '语言', profile: '个人信息' },
  login: {
    title: '登录', username: '用户名', password: '密码', captcha: '验证码', submit: '登录',
    refreshCaptcha: '换一张', required: '请输入用户名和密码',
  },
  common: {
    pickFilter: '请先在上方填写筛选条件（如项目 ID）', 
    search: '查询', reset: '重置', create: '新建', edit: '编辑', delete: '删除', save: '保存', cancel: '取消',
    confirm: '确定', actions: '操作', detail: '详情', empty: '暂无数据', loadFailed: '加载失败', retry: '重试',
    confirmTitle: '请确认', confirmDelete: '确定删除这一项吗？', confirmAction: '确定执行“{action}”吗？', success: '操作成功',
    export: '导出', exporting: '正在导出', enable: '启用', disable: '禁用', yes: '是', no: '否',
  },
  page: {
    notYet: '此页面尚未开放', notYetDesc: '菜单“{title}”的页面正在建设中，稍后的版本会提供。',
    notFound: '页面不存在', home: '返回首页', shownOnce: '以下密钥只显示这一次，请立即保存',
  },
  field: {
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
  action: { backupNow: '立即备份', approveRestore: '批准恢复申请', restore: '恢复', grants: '菜单授权', exportXlsx: '导出 xlsx', exportCsv: '导出 csv', disable: '禁用', enable: '启用', password: '重置密码', run: '立即运行', redeliver: '重新投递', rotateSecret: '轮换密钥', approve: '通过', reject: '驳回', unbind: '解绑', transfer: '转账', recharge: '充值' },
  status: { enabled: '启用', disabled: '禁用', pending: '待验证' },
}
