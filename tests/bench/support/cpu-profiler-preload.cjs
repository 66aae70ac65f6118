// Preloaded into a process under test (NODE_OPTIONS=--require ...): the first SIGUSR2 starts
// V8's CPU profiler, the second stops it, writes the profile to CPU_PROFILE_FILE and prints
// CPU-PROFILE-WRITTEN. Lets a benchmark profile exactly the window it measures.
const { writeFileSync } = require('node:fs');
const { Session } = require('node:inspector');

const session = new Session();
session.connect();
let running = false;
process.on('SIGUSR2', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () =>
      session.post('Profiler.setSamplingInterval', { interval: 500 }, () =>
        session.post('Profiler.start'),
      ),
    );
    return;
  }
  running = false;
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(process.env.CPU_PROFILE_FILE, JSON.stringify(result.profile));
    process.stdout.write(`CPU-PROFILE-WRITTEN ${error ? error.message : ''}\n`);
  });
});
