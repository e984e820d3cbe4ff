import { verifyPdf } from './src/verify';
(async () => {
  const xs: number[] = [];
  for (let i = 0; i < 8; i++) { const t = performance.now(); const r = await verifyPdf('out/demo/project.signed.pdf', { trust: ['out/demo/demo-ca.pem'] }); xs.push(performance.now() - t); if (i === 0) console.log(r.ok, JSON.stringify(r.reasons)); }
  console.log(xs.map((x) => x.toFixed(0)).join(' '));
})();
