import type { TextEntry } from './entry';

/** How verify says that the file's structure lets a viewer show something other than what was verified. */
export const VERIFY_STRUCTURE_TEXTS = {
  'verify.reason.readersDisagree': {
    zh: '第 {revision} 个修订版本的文件结构会让阅读器显示与核验所读不同的内容：{what}',
    en: 'revision {revision} is built so that a viewer shows other content than the verifier read: {what}',
  },
  'verify.structure.definedTwice': {
    zh: '对象 {ref} 在同一修订版本中写了两份且内容不同（哪一份算数取决于阅读器）',
    en: 'object {ref} is written twice in one revision with different content (which copy counts depends on the reader)',
  },
  'verify.structure.otherCopy': {
    zh: '交叉引用表所指的对象 {ref} 不是核验读取的那一份',
    en: 'the cross-reference table points at another copy of object {ref} than the one verified',
  },
  'verify.structure.otherCatalog': {
    zh: '交叉引用表的 trailer 指向另一个文档目录（Catalog）',
    en: 'the trailer of the cross-reference table names another document catalog',
  },
  'verify.structure.noCrossReferences': {
    zh: '找不到或读不了交叉引用表（阅读器只能靠猜测重建文件）',
    en: 'the cross-reference table is missing or unreadable (a viewer would rebuild the file by guesswork)',
  },
  'verify.reason.stripped': {
    zh: '第 {revision} 个修订版本里签过的一个签名已不在表单的签名域中（签名被剥离）',
    en: "a signature made in revision {revision} is no longer in the form's signature fields (it was stripped)",
  },
  'verify.change.fieldsRemoved': {
    zh: '表单的签名域被删去或换成了另一组（之前的签名不再列出）',
    en: "the form's fields were removed or replaced by others (earlier signatures are no longer listed)",
  },
  'verify.change.form': { zh: '表单（AcroForm）的其他设置', en: 'other settings of the form (AcroForm)' },
  'verify.change.extraFields': {
    zh: '一次签署加了 {count} 个域（一次签署只加它自己的签名域）',
    en: 'one signing added {count} fields (a signing adds only its own signature field)',
  },
  'verify.change.field': {
    zh: '一个不是签名域的表单域',
    en: 'a form field that is not a signature field',
  },
  'verify.change.otherSignatureField': {
    zh: '一个显示别的签名的签名域（不是这次签署自己的）',
    en: "a signature field showing another signature (not this signing's own)",
  },
  'verify.reason.foreignContent': {
    zh: '第 {page} 页上画有 jixiao 的表从不含有的内容：{what}',
    en: 'page {page} draws something a jixiao form never holds: {what}',
  },
  'verify.content.image': {
    zh: '图片（可以把另一张表画在所印的表上面，而文字层仍与数据相符）',
    en: 'a picture (it can show another form over the printed one while the text layer still matches the data)',
  },
  'verify.content.annotation': {
    zh: '链接和签名以外的注释（它的外观可以画在页面的任何地方）',
    en: 'an annotation other than a link or a signature (its appearance can paint anywhere on the page)',
  },
  'verify.reason.boxMisplaced': {
    zh: '内嵌数据给{role}的签章框（第 {page} 页）不在页面印出「{role}」的地方（签章框被调换或移动）',
    en: 'the embedded data puts the {role} box (page {page}) where the page does not print "{role}" (boxes swapped or moved)',
  },
  'verify.render.differs': {
    zh: '第 {page} 页与按内嵌数据重新印出的表不同：{share}% 的像素不一样，且聚在一处（页面上画了表以外的东西，或这张表由另一个版本的 jixiao 印出）{note}',
    en: 'page {page} differs from the form printed again from the embedded data: {share}% of its pixels, gathered in one place (something besides the form is drawn on it, or another jixiao version printed it){note}',
  },
  'verify.render.pages': {
    zh: '签署的文件有 {signed} 页，按内嵌数据重新印出的表有 {printed} 页{note}',
    en: 'the signed file has {signed} pages, the form printed again from the embedded data {printed}{note}',
  },
  'verify.render.version': {
    zh: '；这张表是 jixiao {version} 印的，版本不同也会造成差异',
    en: '; this form was printed by jixiao {version}, and another version may print differently',
  },
} as const satisfies Record<string, TextEntry>;
