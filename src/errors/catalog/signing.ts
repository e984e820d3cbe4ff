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
  PASSWORD_REQUIRED: {
    severity: 'error',
    zh: '需要证书密码，但没有设置 JIXIAO_P12_PASSWORD，也无法在终端提示输入',
    en: 'A certificate password is needed, but JIXIAO_P12_PASSWORD is not set and there is no terminal to ask',
    hintZh: '设置环境变量 JIXIAO_P12_PASSWORD，或在终端中运行以便输入密码。密码不能写在命令行参数中。',
    hintEn: 'Set JIXIAO_P12_PASSWORD, or run in a terminal to be asked. The password is never taken from the command line.',
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
  CERT_EXPIRED: {
    severity: 'error',
    zh: '签章证书「{name}」已于 {notAfter} 过期',
    en: 'The signing certificate "{name}" expired on {notAfter}',
    hintZh: '换用有效证书；如确需用过期证书（例如补签测试件），加 --allow-expired，签名将带有警告。',
    hintEn: 'Use a valid certificate; to sign anyway (e.g. a test file), pass --allow-expired and the signature carries a warning.',
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
  UNKNOWN_ROLE: {
    severity: 'error',
    zh: '未知的签署角色「{role}」',
    en: 'Unknown signing role "{role}"',
    hintZh: '可用的角色：填表人、审核人、单位负责人。',
    hintEn: 'Roles: preparer, reviewer, head.',
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
  PDF_UNREADABLE: {
    severity: 'error',
    zh: '无法读取 PDF {path}：{detail}',
    en: 'Cannot read the PDF {path}: {detail}',
  },
} as const satisfies Record<string, CatalogEntry>;
