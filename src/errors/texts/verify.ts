import type { TextEntry } from './entry';

/** `jixiao verify`: the signature table, the embedded data and the verdict. */
export const VERIFY_TEXTS = {
  'verify.summary': {
    zh: '{file}：{revisions} 个修订版本，{signatures} 个签名',
    en: '{file}: {revisions} revision(s), {signatures} signature(s)',
  },
  'verify.col.index': { zh: '#', en: '#' },
  'verify.col.role': { zh: '角色', en: 'role' },
  'verify.col.signer': { zh: '签署人', en: 'signer' },
  'verify.col.issuer': { zh: '颁发者', en: 'issuer' },
  'verify.col.time': { zh: '签署时间', en: 'signing time' },
  'verify.col.valid': { zh: '签名有效', en: 'valid' },
  'verify.col.range': { zh: '签名范围完整', en: 'byte range whole' },
  'verify.col.digest': { zh: '签后内容未改', en: 'content unchanged' },
  'verify.col.signature': { zh: '签名与证书相符', en: 'matches its certificate' },
  'verify.col.certificate': { zh: '签署时证书有效', en: 'certificate valid then' },
  'verify.col.revision': { zh: '签的是第几版', en: 'signed version' },
  'verify.col.after': { zh: '其后追加的字节', en: 'bytes added after' },
  'verify.role.unknown': { zh: '未知', en: 'unknown' },
  'verify.role.signedBefore': { zh: '已经在前面签过', en: 'has already signed before it' },
  'verify.role.notSignedYet': { zh: '还没有签', en: 'has not signed yet' },
  'verify.embedded': {
    zh: '内嵌数据：jixiao {version}，评分规则集 {ruleSet}，哈希{hashes}',
    en: 'Embedded data: jixiao {version}, rule set {ruleSet}, hashes {hashes}',
  },
  'verify.hashes.match': { zh: '一致', en: 'match' },
  'verify.hashes.differ': { zh: '不一致', en: 'differ' },
  'verify.rescore': {
    zh: '表上总分 {total}{grade}；按内嵌规则集重新评分 {rescored}：{verdict}',
    en: 'Stated total {total}{grade}; re-scored under the embedded rule set {rescored}: {verdict}',
  },
  'verify.rescore.grade': { zh: '（{grade}）', en: ' ({grade})' },
  'verify.rescore.same': { zh: '一致', en: 'the same' },
  'verify.rescore.differs': { zh: '不一致（{fields}）', en: 'different ({fields})' },
  'verify.roles.all': { zh: '{total} 个角色均已签署：{signed}', en: 'All {total} roles have signed: {signed}' },
  'verify.roles.some': {
    zh: '{total} 个角色中已签 {count} 个（缺：{missing}）',
    en: '{count} of {total} roles have signed (missing: {missing})',
  },
  'verify.roles.none': {
    zh: '这次核验不要求签名（只核验内嵌数据）',
    en: 'This check requires no signature (the embedded data only)',
  },
  'verify.rolesMissing': {
    zh: '签署未完成：{roles}。签完（或用 --roles 指明这次核验要求的角色）之前不作结论。',
    en: 'Signing not finished: {roles}. No verdict until all have signed (or --roles names the roles this check requires).',
  },
  'verify.embedded.review': {
    zh: '内嵌数据：复核报告，jixiao {version}，复核规则集 {ruleSet}，哈希{hashes}',
    en: 'Embedded data: a review report, jixiao {version}, review rule set {ruleSet}, hashes {hashes}',
  },
  'verify.okReview': {
    zh: '核验通过：复核报告的所有签名有效，签署人证书均可追溯到受信任的根证书，复核人与复核负责人按次序签署，末次签名后无未签名内容，内嵌数据与哈希一致。',
    en: "Verified: every signature of the review report is valid, every signer's certificate leads to a trusted root, the checker and the head of the re-check signed in order, nothing unsigned follows, the embedded data matches its hash.",
  },
  'verify.ok': {
    zh: '核验通过：所有签名有效，签署人证书均可追溯到受信任的根证书，末次签名后无未签名内容，评分可复现。',
    en: "Verified: every signature is valid, every signer's certificate leads to a trusted root, nothing unsigned follows, the score reproduces.",
  },
  'verify.failed': { zh: '核验不通过：{reason}', en: 'Not verified: {reason}' },
  'verify.reason.unreadable': {
    zh: '无法读取文件结构或内嵌数据',
    en: 'the file structure or the embedded data cannot be read',
  },
  'verify.reason.unsigned': { zh: '文件没有签名', en: 'the file has no signature' },
  'verify.reason.invalidSignature': {
    zh: '第 {index} 个签名无效：{problems}',
    en: 'signature {index} is invalid: {problems}',
  },
  'verify.reason.notWholeRevision': { zh: '未覆盖完整的修订版本', en: 'it does not cover a whole revision' },
  'verify.reason.bytesAfter': {
    zh: '最后一个签名之后还有 {bytes} 字节未签名的内容',
    en: '{bytes} unsigned bytes follow the last signature',
  },
  'verify.reason.hashes': { zh: '内嵌数据的哈希与内容不符', en: 'the embedded data does not match its hashes' },
  'verify.reason.rescore': {
    zh: '按内嵌规则集重新评分与内嵌结果不符（{fields}）',
    en: 're-scoring under the embedded rule set differs from the embedded result ({fields})',
  },
  'verify.reason.notRescorable': { zh: '内嵌的输入无法重新评分', en: 'the embedded inputs cannot be scored again' },
  'verify.reason.changedBefore': {
    zh: '第 {index} 个签名签署的文件，在上一次签署之后被改动过（签署后文件被修改）：{what}',
    en: 'the file signature {index} signs was changed after the previous signing: {what}',
  },
  'verify.change.catalog': { zh: '文档目录（Catalog）', en: 'the document catalog' },
  'verify.change.page': { zh: '页面内容或页面属性', en: 'page content or page properties' },
  'verify.change.embedded': { zh: '内嵌数据（附件）', en: 'the embedded data (attachment)' },
  'verify.change.emptySignatureField': {
    zh: '一个没有签名的签名域（它的外观可以画在页面的任何地方）',
    en: 'a signature field with no signature in it (its appearance can paint anywhere on the page)',
  },
  'verify.change.annotation': {
    zh: '页面上的注释（签章框以外）',
    en: 'an annotation on a page (other than a signature box)',
  },
  'verify.change.unreadable': {
    zh: '之前的修订版本无法读取，无法证明未被改动',
    en: 'an earlier revision cannot be read, so it cannot be shown unchanged',
  },
  'verify.change.object': { zh: '对象 {ref}（{type}）', en: 'object {ref} ({type})' },
  'verify.reason.pageDiffers': {
    zh: '页面所印与内嵌数据重新评分的结果不符：{what}',
    en: 'the printed page differs from what the embedded data scores to: {what}',
  },
  'verify.page.row': {
    zh: '指标 {id} 的得分印的是 {printed}，数据是 {data}',
    en: 'indicator {id} prints a score of {printed}, the data says {data}',
  },
  'verify.page.budget': {
    zh: '预算执行得分印的是 {printed}，数据是 {data}',
    en: 'the budget score prints {printed}, the data says {data}',
  },
  'verify.page.total': {
    zh: '总分印的是 {printed}，数据是 {data}',
    en: 'the total prints {printed}, the data says {data}',
  },
  'verify.page.grade': {
    zh: '等级印的是 {printed}，数据是 {data}',
    en: 'the grade prints {printed}, the data says {data}',
  },
  'verify.page.unreadable': {
    zh: '页面上找不到得分栏或总分行',
    en: 'no score column or total line can be found on the pages',
  },
  'verify.reason.role': {
    zh: '第 {index} 个签名违反签署规则（见上）',
    en: 'signature {index} breaks the signing rules (see above)',
  },
  'verify.reason.rulesetModified': {
    zh: '内嵌的规则集冒用了随 jixiao 发布的规则集「{id}」的编号',
    en: 'the embedded rule set uses the id of the shipped rule set "{id}" but differs from it',
  },
  'verify.customRules': {
    zh: '注意：内嵌的规则集与随 jixiao 发布的「{id}」不同（已按 --allow-custom-rules 接受）：{differences}',
    en: 'Note: the embedded rule set differs from the shipped "{id}" (accepted with --allow-custom-rules): {differences}',
  },
  'verify.problem.range': { zh: '签名范围不合法', en: 'invalid byte range' },
  'verify.problem.cms': { zh: '签名数据无法解析{detail}', en: 'the signature data cannot be parsed{detail}' },
  'verify.problem.digest': { zh: '摘要不符（签名后内容被修改）', en: 'digest mismatch (changed after signing)' },
  'verify.problem.signature': { zh: '签名值无效', en: 'invalid signature value' },
  'verify.problem.certificate': { zh: '签署时证书不在有效期内', en: 'the certificate was not valid at signing time' },
  'verify.problem.expiredNow': {
    zh: '证书「{name}」已于 {date} 过期，没有可信时间戳能证明签署时它仍有效（签署时间只是签署人自己的说法）',
    en: 'certificate "{name}" expired on {date} and no trusted timestamp shows it was valid when signing (the signing time is only the signer\'s claim)',
  },
  'verify.problem.certificateDates': {
    zh: '证书「{name}」的有效期是 {from} 至 {to}，不含签署时间',
    en: 'certificate "{name}" is valid from {from} to {to}, which does not include the signing time',
  },
  'verify.problem.signerIsCa': {
    zh: '签署证书「{name}」是 CA 证书：CA 的密钥只能签发证书，不能直接签署表单',
    en: 'the signing certificate "{name}" is a CA: a CA key issues certificates and never signs a form itself',
  },
  'verify.problem.keyUsage': {
    zh: '签署证书「{name}」的用途不含数字签名',
    en: 'the signing certificate "{name}" is not allowed to make digital signatures',
  },
  'verify.problem.criticalExtension': {
    zh: '证书「{name}」含有无法识别的关键扩展 {oid}（RFC 5280：不认识的关键扩展必须拒绝）',
    en: 'the certificate "{name}" has a critical extension {oid} that is not recognised (RFC 5280: reject it)',
  },
  'verify.problem.extendedKeyUsage': {
    zh: '证书「{name}」的扩展用途（{usages}）不含文档签名：它是给别的用途（如网站 TLS）签发的',
    en: 'the certificate "{name}" has extended key usages ({usages}) without document signing: it was issued for another purpose (such as TLS)',
  },
  'verify.problem.pathLength': {
    zh: 'CA「{name}」限定其下最多 {limit} 级中间 CA，这条路径有 {below} 级',
    en: 'the CA "{name}" allows at most {limit} intermediate CA(s) below it; this path has {below}',
  },
  'verify.problem.issuerNotCa': {
    zh: '签发者「{name}」不是可以签发证书的 CA',
    en: 'the issuer "{name}" is not a CA allowed to issue certificates',
  },
  'verify.reason.unknownRole': {
    zh: '第 {index} 个签名（签名域「{field}」）不属于任何角色：既不是按角色命名的签名域，也不在表上任何角色的签署框里',
    en: 'signature {index} (field "{field}") belongs to no role: its field is not named for a role and it sits in no role\'s box',
  },
  'verify.reason.roleOutsideBox': {
    zh: '第 {index} 个签名以「{role}」的名义签署，却不在「{role}」的签署框里',
    en: 'signature {index} signs as "{role}" but is not drawn in the box of "{role}"',
  },
  'verify.reason.resaved': {
    zh: '签署后被其他程序另存（整份文件被重写），原来的签名已无法核对：请使用签署时得到的原始文件',
    en: 'the file was saved again by another program after signing (rewritten whole), so its signatures can no longer be checked: use the original signed file',
  },
  'verify.okUnsigned': {
    zh: '内嵌数据核验通过：评分可复现。此文件未签名（--allow-unsigned），没有核验任何签名或证书。',
    en: 'Embedded data verified: the score reproduces. The file is unsigned (--allow-unsigned): no signature or certificate was checked.',
  },
  'verify.problem.sameNameOtherKey': {
    zh: '证书自称由受信任的「{issuer}」签发，但与受信任的那张根证书只是同名，不是同一把密钥：可能是伪造的证书',
    en: 'the certificate claims the trusted "{issuer}" as its issuer, but only the name matches, not the key: it may be a forged certificate',
  },
  'verify.problem.untrusted': {
    zh: '证书链到不了任何受信任的根证书（链上最后的签发者：{issuer}）',
    en: 'the certificate chain reaches no trusted root (last issuer: {issuer})',
  },
  'verify.problem.timestampImprint': {
    zh: '时间戳不是对这个签名盖的（摘要不符）',
    en: 'the timestamp was not issued over this signature (imprint differs)',
  },
  'verify.problem.timestampSignature': { zh: '时间戳本身的签名无效', en: "the timestamp's own signature is invalid" },
  'verify.problem.timestampPurpose': {
    zh: '时间戳机构「{name}」的证书不是时间戳专用证书（扩展用途缺 timeStamping）',
    en: 'the certificate of the time-stamping authority "{name}" is not issued for time-stamping (no timeStamping extended key usage)',
  },
  'verify.problem.timestampUnreadable': {
    zh: '时间戳无法解析（{detail}）',
    en: 'the timestamp cannot be parsed ({detail})',
  },
  'verify.problem.timestampUntrusted': {
    zh: '时间戳机构「{authority}」未经核实：{problem}',
    en: 'the time-stamping authority "{authority}" is unverified: {problem}',
  },
  'verify.certifies': {
    zh: '    认证签名（DocMDP P={level}）：此后{allows}',
    en: '    certification signature (DocMDP P={level}): after it {allows}',
  },
  'verify.certifies.1': { zh: '不允许任何改动', en: 'no change is allowed' },
  'verify.certifies.2': {
    zh: '只允许填写表单域和追加签名',
    en: 'only form filling and further signatures are allowed',
  },
  'verify.certifies.3': {
    zh: '只允许填写表单域、追加签名和批注',
    en: 'only form filling, further signatures and comments are allowed',
  },
  'verify.timestamp': {
    zh: '    时间戳：{time}，由「{authority}」证明{state}',
    en: '    timestamp: {time}, by "{authority}"{state}',
  },
  'verify.timestamp.untrusted': { zh: '（机构未经核实）', en: ' (authority unverified)' },
  'verify.timestamp.invalid': { zh: '（无效）', en: ' (invalid)' },
  'verify.identity.noAnchors': {
    zh: '没有指定受信任的根证书（--trust 或 JIXIAO_TRUST），签署人身份未经核实',
    en: "no trusted root was given (--trust or JIXIAO_TRUST), so the signers' identities are unverified",
  },
  'verify.identity.untrusted': {
    zh: '第 {index} 个签名（{signer}）的身份未经核实：{problems}',
    en: 'the identity behind signature {index} ({signer}) is unverified: {problems}',
  },
  'verify.unverifiedIdentity': {
    zh: '文件完整、评分可复现，但签署人身份未经核实：{reason}',
    en: "The file is intact and the score reproduces, but the signers' identities are unverified: {reason}",
  },
  'verify.signer': {
    zh: '#{index} {signer}{test}  SHA-256 {fingerprint}\n    证书链：{chain}',
    en: '#{index} {signer}{test}  SHA-256 {fingerprint}\n    chain: {chain}',
  },
  'verify.signer.test': { zh: '（测试证书，仅供测试）', en: ' (test certificate, for tests only)' },
  'verify.chain.anchor': { zh: '（受信任的根）', en: ' (trusted root)' },
  'verify.col.identity': { zh: '身份已核实', en: 'identity verified' },
  'embedded.missing': { zh: '没有内嵌数据 {name}', en: 'no embedded data {name}' },
  'embedded.damaged': {
    zh: '内嵌数据 {name} 已损坏，无法解压或读取',
    en: 'the embedded {name} is damaged and cannot be read',
  },
  'embedded.notJson': { zh: '内嵌数据 {name} 不是有效的 JSON', en: 'the embedded {name} is not valid JSON' },
  'embedded.shape': {
    zh: '内嵌数据 {name} 缺少或写错了「{field}」',
    en: 'the embedded {name} lacks or misstates "{field}"',
  },
  'verify.many.file': { zh: '文件', en: 'File' },
  'verify.many.sheet': { zh: '核验结果', en: 'Verification' },
  'verify.many.department': { zh: '单位', en: 'Unit' },
  'verify.many.project': { zh: '项目', en: 'Project' },
  'verify.many.total': { zh: '总分', en: 'Total' },
  'verify.many.grade': { zh: '等级', en: 'Grade' },
  'verify.many.signed': { zh: '已签角色', en: 'Signed by' },
  'verify.many.verdict': { zh: '结论', en: 'Verdict' },
  'verify.many.nobody': { zh: '（无）', en: '(none)' },
  'verify.many.verified': { zh: '核验通过', en: 'Verified' },
  'verify.many.rolesMissing': { zh: '待签：{missing}', en: 'Waiting for: {missing}' },
  'verify.many.identity': { zh: '身份未核实：{reason}', en: 'Identity unverified: {reason}' },
  'verify.many.failed': { zh: '不通过：{reason}', en: 'Not verified: {reason}' },
  'verify.many.tally': {
    zh: '共 {count} 份：核验通过 {verified} 份，待签 {waiting} 份，身份未核实 {identity} 份，不通过 {failed} 份',
    en: '{count} file(s): {verified} verified, {waiting} waiting for signatures, {identity} with unverified identities, {failed} not verified',
  },
} as const satisfies Record<string, TextEntry>;
