import type { CatalogEntry } from './entry';

/** Keys, certificates, signing and reading signed PDFs. */
export const SIGNING = {
  SEAL_FORMAT: {
    severity: 'error',
    zh: '公章图片 {path} 不是 PNG 或 JPEG',
    en: 'Seal image {path} is not PNG or JPEG',
    hintZh: '使用 .png 或 .jpg 格式的公章图片（看的是文件内容，不只是扩展名）。',
    hintEn: 'Use a .png or .jpg seal image (its content is checked, not only its name).',
  },
  SEAL_TOO_LARGE: {
    severity: 'error',
    zh: '公章图片 {path} 过大：{width}×{height} 像素',
    en: 'Seal image {path} is too large: {width}×{height} pixels',
    hintZh: '公章图片不超过 2000×2000 像素、1 MB；印在签章框里 300×300 像素已足够清晰。',
    hintEn: 'A seal image may be at most 2000×2000 pixels and 1 MB; 300×300 pixels print sharply in the box.',
  },
  WRONG_PASSWORD: {
    severity: 'error',
    zh: '证书文件 {path} 的密码不正确',
    en: 'Wrong password for the certificate file {path}',
    hintZh: '检查环境变量 JIXIAO_P12_PASSWORD，或在提示时重新输入密码。',
    hintEn: 'Check JIXIAO_P12_PASSWORD, or type the password again at the prompt.',
  },
  SIGNED_FILE_CHANGED: {
    severity: 'error',
    zh: '{path} 在最后一次签名之后被改动过（末尾有 {bytes} 字节不在任何签名之内）：在其上再签，会把这些改动一并签进去',
    en: '{path} was changed after its last signature ({bytes} bytes at its end are covered by no signature): signing on top would vouch for the change',
    hintZh: '使用上一位签署人交来的原始文件（不要用其他程序另存）；jixiao verify 可列出改动。',
    hintEn:
      'Use the file exactly as the previous signer handed it over (not re-saved by another program); jixiao verify lists the change.',
  },
  PASSWORD_REQUIRED: {
    severity: 'error',
    zh: '需要证书密码，但没有设置 {variable}，也无法在终端提示输入',
    en: 'A certificate password is needed, but {variable} is not set and there is no terminal to ask',
    hintZh: '设置环境变量 {variable}，或在终端中运行以便输入密码。密码不能写在命令行参数中。',
    hintEn: 'Set {variable}, or run in a terminal to be asked. The password is never taken from the command line.',
  },
  NON_RSA_KEY: {
    severity: 'error',
    zh: '证书文件 {path} 中的密钥不是 RSA 密钥',
    en: 'The key in {path} is not an RSA key',
    hintZh: 'jixiao 目前只支持 RSA 密钥签章（SM2、ECDSA 暂不支持），请换用 RSA 证书。',
    hintEn: 'jixiao signs with RSA keys only (not SM2 or ECDSA); use an RSA certificate.',
  },
  BAD_P12: {
    severity: 'error',
    zh: '无法读取证书文件 {path}：{detail}',
    en: 'Cannot read the certificate file {path}: {detail}',
    hintZh: '证书文件应为 PKCS#12（.p12/.pfx），含私钥与证书。',
    hintEn: 'The file must be PKCS#12 (.p12/.pfx) with a private key and its certificate.',
  },
  ISSUER_NOT_CA: {
    severity: 'error',
    zh: '{path} 中的证书「{name}」不是 CA 证书，不能颁发证书',
    en: 'The certificate "{name}" in {path} is not a CA certificate and cannot issue certificates',
    hintZh: '先用 jixiao keygen --ca 生成测试 CA，再用 --issuer 指向它。',
    hintEn: 'Make a test CA with jixiao keygen --ca first, and name it with --issuer.',
  },
  SIGNER_IS_CA: {
    severity: 'error',
    zh: '{path} 中的证书「{name}」是 CA 证书：CA 的密钥只用来签发证书，不能直接签署表单（核验会拒绝这样的签名）',
    en: 'The certificate "{name}" in {path} is a CA certificate: a CA key issues certificates and never signs a form itself (verify refuses such a signature)',
    hintZh: '用这个 CA 为签署人签发个人证书（jixiao keygen --cn 姓名 --issuer CA.p12），再用个人证书签署。',
    hintEn: 'Issue the signer a certificate from this CA (jixiao keygen --cn NAME --issuer CA.p12) and sign with that.',
  },
  CERT_EXPIRED: {
    severity: 'error',
    zh: '签章证书「{name}」已于 {notAfter} 过期',
    en: 'The signing certificate "{name}" expired on {notAfter}',
    hintZh: '换用有效证书；如确需用过期证书（例如补签测试件），加 --allow-expired，签名将带有警告。',
    hintEn:
      'Use a valid certificate; to sign anyway (e.g. a test file), pass --allow-expired and the signature carries a warning.',
  },
  CERT_EXPIRED_WARNING: {
    severity: 'warning',
    zh: '签章证书「{name}」已于 {notAfter} 过期，按 --allow-expired 仍然签署',
    en: 'The signing certificate "{name}" expired on {notAfter}; signed anyway (--allow-expired)',
  },
  CERT_NOT_YET_VALID: {
    severity: 'error',
    zh: '签章证书「{name}」要到 {notBefore} 才生效',
    en: 'The signing certificate "{name}" is not valid before {notBefore}',
  },
  FORM_INCOMPLETE: {
    severity: 'error',
    zh: '{path} 是草稿：还有 {count} 项待补充，不能签章',
    en: '{path} is a draft: {count} item(s) are still to complete, so it cannot be signed',
    hintZh: '运行 jixiao score 查看待补充的项目，补齐后重新 jixiao render，再签章。',
    hintEn: 'Run jixiao score to see what is missing, complete it, render again, then sign.',
  },
  ROLE_ALREADY_SIGNED: {
    severity: 'error',
    zh: '「{role}」已经签署过此文件（{signer}）',
    en: '"{role}" has already signed this file ({signer})',
    hintZh: '每个角色只签一次；如需重签，请从未签署的文件重新开始。',
    hintEn: 'Each role signs once; to sign again, start from the unsigned file.',
  },
  REVIEW_ROLE_OUT_OF_ORDER: {
    severity: 'error',
    zh: '「{role}」签署的次序不对：「{other}」{relation}',
    en: '"{role}" signs out of order: "{other}" {relation}',
    hintZh: '复核报告先由复核人签署，再由复核负责人签署。',
    hintEn: 'A review report is signed by the checker first, then by the head of the re-check.',
  },
  ROLE_OUT_OF_ORDER: {
    severity: 'error',
    zh: '「{role}」签署的次序不对：「{other}」{relation}',
    en: '"{role}" signs out of order: "{other}" {relation}',
    hintZh: '按 填表人 → 审核人 → 单位负责人 的次序签署（表上没有印审核人姓名时可以不签审核人）。',
    hintEn:
      'Sign in the order preparer → reviewer → head (the reviewer may be skipped when the form prints no reviewer name).',
  },
  CERT_TWO_ROLES: {
    severity: 'error',
    zh: '同一张证书（{signer}）既签了「{other}」又签「{role}」',
    en: 'One certificate ({signer}) signs both as "{other}" and as "{role}"',
    hintZh: '每个角色由本人用自己的证书签署；一个人不能代签几个角色。',
    hintEn: "Each role signs with its own person's certificate; one person cannot sign for several roles.",
  },
  SIGNER_NAME_MISMATCH: {
    severity: 'error',
    zh: '表上「{role}」印的是「{printed}」，签署证书却是「{signer}」',
    en: 'The form prints "{printed}" as "{role}", but the signing certificate is "{signer}"',
    hintZh:
      '由表上印名的本人签署，或先改正填报文件中的姓名再出表；确需他人代签时加 --allow-name-mismatch（签章框会同时印出两个姓名）。',
    hintEn:
      'Have the person named on the form sign, or correct the name and print again; to sign for someone on purpose pass --allow-name-mismatch (the box then shows both names).',
  },
  SEAL_UNIT_MISMATCH: {
    severity: 'error',
    zh: '单位盖章须用本单位的证书：证书是「{signer}」，表上的单位是「{units}」',
    en: 'The unit seal must be signed with the unit\'s own certificate: the certificate is "{signer}", the form\'s unit is "{units}"',
    hintZh:
      '用证书主题 CN 或 O 为表上单位名称的单位证书（单位数字证书/电子印章证书）签署「单位盖章」；个人证书不能代替单位盖章。',
    hintEn:
      "Sign the unit seal with the unit's certificate, whose subject CN or O is the unit name on the form; a personal certificate cannot stand in for the unit.",
  },
  UNKNOWN_ROLE: {
    severity: 'error',
    zh: '未知的签署角色「{role}」',
    en: 'Unknown signing role "{role}"',
    hintZh: '自评表的角色（按签署顺序）：填表人、审核人、单位负责人、单位盖章；复核报告的角色：复核人、复核负责人。',
    hintEn:
      'Roles of a form, in signing order: preparer, reviewer, head, seal (the unit seal); of a review report: checker, checkLead.',
  },
  NOT_A_JIXIAO_PDF: {
    severity: 'error',
    zh: '{path} 不是 jixiao 生成的绩效自评表：{detail}',
    en: '{path} is not a form made by jixiao: {detail}',
    hintZh: '先用 jixiao render 生成 PDF，再签章。',
    hintEn: 'Render the PDF with jixiao render first, then sign it.',
  },
  NO_SIGNATURE_BOX: {
    severity: 'error',
    zh: '文件中没有「{role}」的签章框',
    en: 'The file has no signature box for "{role}"',
  },
  RULESET_MODIFIED: {
    severity: 'error',
    zh: '内嵌的规则集用的是随 jixiao 发布的规则集的编号「{id}」（版本 {version}），内容却不同：{differences}',
    en: 'The embedded rule set carries the id of a rule set shipped with jixiao, "{id}" (version {version}), but differs from it: {differences}',
    hintZh:
      '用随 jixiao 发布的规则集重新出表；自定义的规则集应换一个自己的编号。确知这是有意使用的自定义规则时，verify 加 --allow-custom-rules。',
    hintEn:
      'Print the form again under the shipped rule set; a custom rule set should have an id of its own. If the custom rules are intended, pass --allow-custom-rules to verify.',
  },
  TSA_FAILED: {
    severity: 'error',
    zh: '时间戳服务 {url} 没有给出可用的时间戳：{detail}',
    en: 'The time-stamping authority {url} gave no usable timestamp: {detail}',
    hintZh:
      '检查地址（RFC 3161，例如 http://tsa.example.cn/tsr）和网络；文件没有改动，可以稍后重签，或去掉 --tsa 先签不带时间戳的签名。',
    hintEn:
      'Check the URL (RFC 3161, e.g. http://tsa.example.org/tsr) and the network; the file is unchanged: sign again later, or drop --tsa to sign without a timestamp.',
  },
  CRL_UNREADABLE: {
    severity: 'error',
    zh: '{path} 不是可读的证书吊销列表（CRL 须是 DER 或 PEM 格式）',
    en: '{path} is not a readable certificate revocation list (a CRL must be DER or PEM)',
    hintZh: '用 jixiao keygen --revoke 写出的 .crl，或证书颁发机构公布的 CRL 文件或网址。',
    hintEn:
      'Use the .crl that jixiao keygen --revoke wrote, or the CRL file or address your certificate authority publishes.',
  },
  CRL_UNREACHABLE: {
    severity: 'error',
    zh: '无法取得证书吊销列表 {url}：{detail}',
    en: 'the certificate revocation list {url} cannot be fetched: {detail}',
    hintZh: '检查网址与网络；离线时改用已下载的 CRL 文件（--crl 文件），或用 jixiao ltv 写入的验证数据。',
    hintEn:
      'Check the address and the network; offline, give a downloaded CRL file (--crl FILE) or rely on the validation data jixiao ltv adds.',
  },
  CRL_OTHER_ISSUER: {
    severity: 'error',
    zh: '{path} 不是「{issuer}」签发的吊销列表，不能在它上面续加',
    en: '{path} is not a revocation list issued by "{issuer}", so it cannot be extended',
    hintZh: '--crl 给这个 CA 自己上次写出的 .crl；另一个 CA 的吊销列表由那个 CA 续写。',
    hintEn: "Give --crl the .crl this CA wrote last time; another CA's list is extended by that CA.",
  },
  REVOKE_NOT_ISSUED: {
    severity: 'error',
    zh: '{path} 中的证书「{name}」不是「{issuer}」颁发的，它的吊销列表吊销不了这张证书',
    en: 'the certificate "{name}" in {path} was not issued by "{issuer}": its revocation list cannot revoke it',
    hintZh: '用颁发这张证书的 CA（--issuer）来吊销它。',
    hintEn: 'Revoke it with the CA that issued it (--issuer).',
  },
  RENDER_CHECK_UNAVAILABLE: {
    severity: 'error',
    zh: 'verify --render 需要 {program}（poppler-utils），这台机器上没有',
    en: 'verify --render needs {program} (poppler-utils), which this machine does not have',
    hintZh: '运行 bash scripts/setup.sh（或 apt-get install poppler-utils）后再试；不加 --render 时的核验不需要它。',
    hintEn:
      'Run bash scripts/setup.sh (or apt-get install poppler-utils) and try again; verify without --render does not need it.',
  },
  LTV_UNSIGNED: {
    severity: 'error',
    zh: '{path} 还没有签名：长期验证数据是为已有的签名准备的',
    en: '{path} has no signature yet: long-term validation data is for the signatures a file has',
    hintZh: '先签署（jixiao sign），签完所有角色后再运行 jixiao ltv。',
    hintEn: 'Sign first (jixiao sign); run jixiao ltv once every role has signed.',
  },
  TRUST_ANCHOR_UNREADABLE: {
    severity: 'error',
    zh: '{path} 里没有可读的证书（受信任的根证书须是 PEM 或 DER 格式）',
    en: '{path} holds no readable certificate (a trusted root must be PEM or DER)',
    hintZh:
      '用 jixiao keygen --ca --cert-out 写出的 .pem，或向证书颁发机构索取根证书；--trust 可以给文件夹（读取其中的 .pem、.crt、.cer）。',
    hintEn:
      'Use the .pem that jixiao keygen --ca --cert-out wrote, or the root your certificate authority publishes; --trust also takes a folder (its .pem, .crt and .cer files).',
  },
  PDF_TRUNCATED: {
    severity: 'error',
    zh: 'PDF {path} 不完整：文件末尾没有结束标记 %%EOF（下载、复制或传送时被截断）',
    en: 'The PDF {path} is incomplete: it does not end with the %%EOF marker (cut short while downloading, copying or sending)',
    hintZh: '重新取一份完整的文件（对照发送方的大小或哈希），再签章或核验。',
    hintEn: "Get the whole file again (compare its size or hash with the sender's), then sign or verify it.",
  },
  PDF_UNREADABLE: {
    severity: 'error',
    // the detail is the PDF library's own words (English): said in the reader's language first
    zh: '无法读取 PDF {path}：文件已损坏，或不是 PDF（解析库的说明：{detail}）',
    en: 'Cannot read the PDF {path}: it is damaged or not a PDF (the parser says: {detail})',
  },
} as const satisfies Record<string, CatalogEntry>;
