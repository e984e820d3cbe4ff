import type { TextEntry } from './entry';

/** Why an output cannot be written, by the system's error code, in words a clerk reads. */
export const OUTPUT_TEXTS = {
  'output.cause.ENOENT': { zh: '所在目录不存在', en: 'its folder does not exist' },
  'output.cause.cannotCreate': {
    zh: '此目录不允许新建文件（如 /proc、/sys 这类系统目录）',
    en: 'no file can be created in this folder (a system folder such as /proc or /sys)',
  },
  'output.cause.ENOTDIR': { zh: '路径中有一段是文件而不是目录', en: 'a part of the path is a file, not a folder' },
  'output.cause.EACCES': { zh: '没有写入权限', en: 'permission denied' },
  'output.cause.EPERM': { zh: '不允许写入', en: 'not permitted' },
  'output.cause.EROFS': { zh: '所在文件系统只读', en: 'the file system is read-only' },
  'output.cause.EISDIR': { zh: '这是一个目录', en: 'it is a folder' },
  'output.cause.ENOSPC': { zh: '磁盘已满', en: 'no space left on the device' },
  'output.cause.EEXIST': { zh: '文件已存在', en: 'the file exists' },
  'output.cause.other': { zh: '系统错误 {code}', en: 'system error {code}' },
  'output.cause.empty': { zh: '输出路径为空', en: 'the output path is empty' },
  'output.cause.special': {
    zh: '这是管道、套接字或块设备，不是普通文件',
    en: 'it is a pipe, socket or block device, not a regular file',
  },
} as const satisfies Record<string, TextEntry>;
