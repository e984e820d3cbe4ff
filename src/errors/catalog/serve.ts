import type { CatalogEntry } from './entry';

/** `jixiao serve`: the local web form. */
export const SERVE = {
  FIELD_NOT_EDITABLE: {
    severity: 'error',
    zh: '「{field}」不是填报表上可填写的栏目',
    en: '"{field}" is not a cell the form lets you fill',
    hintZh:
      '网页表单只改实际完成值、档次、申报得分与理由、偏差原因、改进措施、预算数字、实际完成情况、申报总分与等级和签署栏；其他内容请改 YAML 文件。',
    hintEn:
      'The web form changes only actuals, bands, declared scores and reasons, deviation notes, budget figures, the goal as achieved, the declared total and grade, and the sign-off; edit the YAML file for the rest.',
  },
  FORM_CHANGED_ON_DISK: {
    severity: 'error',
    zh: '{path} 在打开之后被其他程序改动过，本次未保存（否则会覆盖那些改动）',
    en: '{path} was changed by another program after it was opened; nothing was saved (it would have overwritten those changes)',
    hintZh: '点“重新载入”读取磁盘上的最新内容，再把您的修改填一遍。',
    hintEn: 'Press "Reload" to read the newest file, then make your changes again.',
  },
  SIGNED_FORM_EDITED: {
    severity: 'error',
    zh: '{path} 签署之后表又改过：已签的 PDF 与当前的表不一致，不能在它上面继续签署',
    en: '{path} was signed before the form was edited again: the signed PDF no longer matches the form, so no further signature can go on it',
    hintZh: '把表改回签署时的内容；或勾选“从头重新签署”，用当前的表生成新的 PDF，再由填表人起依次签署。',
    hintEn:
      'Change the form back to what was signed; or tick "Start the sign-off again" to print a new PDF from the form as it is now, signed again from the preparer on.',
  },
  PATH_OUTSIDE_FOLDER: {
    severity: 'error',
    zh: '{path} 不在所服务的文件夹之内',
    en: '{path} is outside the folder being served',
    hintZh: '只能打开 jixiao serve 所给文件夹中的表单；要填别处的表，用那个文件夹启动 jixiao serve。',
    hintEn: 'Only forms inside the folder given to jixiao serve can be opened; start jixiao serve on the other folder.',
  },
  SERVE_HOST_NOT_LOOPBACK: {
    severity: 'error',
    zh: '--host {host} 不是本机回环地址：表单会暴露给网络上的其他机器',
    en: '--host {host} is not a loopback address: the form would be open to other machines on the network',
    hintZh: '去掉 --host 只在本机使用；确需对外提供，请同时加上 --allow-remote（令牌仍然必需）。',
    hintEn:
      'Drop --host to serve this machine only; to serve others on purpose add --allow-remote too (the token is still required).',
  },
  SERVE_PORT_IN_USE: {
    severity: 'error',
    zh: '端口 {port} 已被占用',
    en: 'Port {port} is already in use',
    hintZh: '用 --port 换一个端口（--port 0 由系统挑选空闲端口），或先停掉占用它的程序。',
    hintEn: 'Choose another with --port (--port 0 lets the system pick a free one), or stop the program using it.',
  },
} as const satisfies Record<string, CatalogEntry>;
