import * as path from 'node:path';

/** Forms whose page 1 is compared with a committed picture (refresh with `npm run refs:update`). */
export const REFERENCE_DPI = 50;
const here = (f: string): string => path.join(__dirname, 'reference', f);
export const REFERENCE_FORMS = [
  { name: 'department', actuals: 'examples/zhuzhou-2020/department.actuals.yaml', png: here('department-p1.png') },
  // the seed's project form is in Hunan's layout; the clean water example in the Ministry's
  { name: 'project', actuals: 'examples/zhuzhou-2020/project.actuals.yaml', png: here('project-p1.png') },
  { name: 'water', actuals: 'examples/water-2023/project.actuals.yaml', png: here('water-p1.png') },
];
/**
 * Share of pixels allowed to differ: anti-aliasing noise, not a changed font or a moved cell (a change of the
 * bold face alone moved 0.57%–0.73% of page 1). A new Chromium build may need `npm run refs:update`.
 */
export const REFERENCE_TOLERANCE = 0.004;
