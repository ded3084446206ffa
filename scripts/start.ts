/**
 * `npm start`. The Electron shell is not built yet (issue 5 in the tracker); until it is, this says so
 * and points at what already works, instead of failing with an obscure error.
 */
console.error(`AIRisk Token Tray's desktop shell (tray + window) is not built yet.

What works today:
  npm run sandbox                      a local AIRisk stand-in with a demo client
  npm run --silent cli -- login        sign in through your browser and print the bearer header

See README.md for the walk-through.`);
process.exitCode = 1;
