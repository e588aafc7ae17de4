#!/usr/bin/env node
// Drives the DevChat page in Debian's Chromium through Playwright: waits for Web Chat, says something,
// waits for the bot's answer, clicks an Adaptive Card button, waits for what the click brings, saves a
// screenshot, and prints one JSON object on stdout ({ ok, steps, ... }). Exit code 0 only when ok.
//
// usage: node webchat.mjs <url> --screenshot <file.png> [--welcome <text>] [--say <text>]
//        [--expect <text>] [--click "<card button title>=><text the click brings>"]...
//        [--switch "<page button (Storyteller|Admin|1:1 chat|#General|#Stories)>=><text then shown>"]... [--timeout <ms>]
//        [--reply-screenshot <file.png>]   (taken once the reply's card has rendered)
//        [--then-say "<text>=><text the answer brings>"]...
//        [--snapshot <file.png>]   (a screenshot at that point of the steps)
//        [--check-choices <name>]   (records the tick-box and radio labels of the newest card as rendered, in
//                                    result.choices[name]: each label's text and whether it rendered as a list)
// --click, --switch, --then-say and --check-choices steps run in the order given, after the first --say
// (--say "" sends nothing first).
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

function parseArgs(argv) {
  const options = { timeout: 30000, say: 'hello', chromium: '/usr/bin/chromium', clicks: [] };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const key = arg.slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
      if (key === 'click' || key === 'switch' || key === 'thenSay') {
        const [title, expected] = argv[++i].split('=>');
        options.clicks.push({ kind: key === 'thenSay' ? 'say' : key, title, expected });
      } else if (key === 'checkChoices') {
        options.clicks.push({ kind: 'choices', title: argv[++i] });
      } else if (key === 'snapshot') {
        options.clicks.push({ kind: 'snapshot', title: argv[++i] });
      } else {
        options[key] = argv[++i];
      }
    } else {
      rest.push(arg);
    }
  }
  options.url = rest[0];
  options.timeout = Number(options.timeout);
  return options;
}

const options = parseArgs(process.argv.slice(2));
const result = { ok: false, url: options.url, steps: [], consoleErrors: [], transcript: [], choices: {} };

function finish(code) {
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(code);
}

if (!options.url || !options.screenshot) {
  result.error = 'usage: node webchat.mjs <url> --screenshot <file.png> [--welcome text] [--say text] [--expect text] [--click "title=>expected"]...';
  finish(2);
}

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (error) {
  result.error = 'playwright-core is not installed in tests/tools/node_modules; run ./test.sh or (cd tests/tools && npm ci). ' + error.message;
  finish(3);
}

// The network here is closed: these flags stop Chromium's background services from trying to reach it.
const args = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const userDataDir = mkdtempSync(join(tmpdir(), 'infostorybot-chromium-'));
let context;
let page;
const started = Date.now();

async function step(name, action) {
  const begun = Date.now();
  try {
    await action();
    result.steps.push({ name, ms: Date.now() - begun });
  } catch (error) {
    result.failedStep = name;
    throw error;
  }
}

async function transcriptTexts() {
  return page.$$eval('.webchat__basic-transcript__activity', nodes => nodes.map(n => n.innerText.replace(/\s+/g, ' ').trim()));
}

try {
  await step('launch chromium', async () => {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: options.chromium,
      headless: true,
      args,
      viewport: { width: 1000, height: 760 },
      locale: 'en-GB',
    });
    page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(options.timeout);
    page.on('console', message => { if (message.type() === 'error') result.consoleErrors.push(message.text()); });
    page.on('pageerror', error => result.consoleErrors.push(String(error)));
  });

  await step('open page and wait for Web Chat', async () => {
    await page.goto(options.url, { waitUntil: 'load' });
    await page.locator('[data-id="webchat-sendbox-input"]').waitFor({ state: 'visible' });
  });

  if (options.welcome) {
    await step('wait for the welcome', () => page.getByText(options.welcome).first().waitFor());
  }

  async function say(text) {
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill(text);
    await input.press('Enter');
    await page.locator('.webchat__bubble--from-user').getByText(text, { exact: false }).last().waitFor();
  }

  // An empty --say starts with the other steps (a switch to another person or place first).
  if (options.say !== '') {
    await step('send a message', () => say(options.say));
  }

  if (options.expect) {
    await step('wait for the reply', () => page.getByText(options.expect).first().waitFor());
  }

  if (options.replyScreenshot) {
    await step('screenshot of the reply', async () => {
      // The card renders just after the text; wait for its buttons before taking the picture.
      await page.locator('.ac-adaptiveCard button').first().waitFor();
      mkdirSync(dirname(options.replyScreenshot), { recursive: true });
      await page.screenshot({ path: options.replyScreenshot });
    });
  }

  for (const click of options.clicks) {
    await step(`${click.kind} "${click.title}"`, async () => {
      if (click.kind === 'say') {
        await say(click.title);
        return;
      }

      if (click.kind === 'snapshot') {
        mkdirSync(dirname(click.title), { recursive: true });
        await page.screenshot({ path: click.title });
        return;
      }

      if (click.kind === 'choices') {
        // What a person sees beside each tick box or radio button of the newest card: the rendered label, and
        // whether the renderer turned it into a list (markdown "2. Culture" becomes a one-item list shown as "1.").
        const card = page.locator('.ac-adaptiveCard').last();
        await card.locator('input[type="checkbox"], input[type="radio"]').first().waitFor();
        result.choices[click.title] = await card.evaluate(root => [...root.querySelectorAll('input[type="checkbox"], input[type="radio"]')].map(input => {
          const label = root.querySelector(`label[for="${input.id}"]`);
          const list = label ? label.querySelector('ol, ul, li') : null;
          return {
            text: label ? label.innerText.replace(/\s+/g, ' ').trim() : '',
            list: Boolean(list),
            marker: list && list.tagName === 'OL' ? `${list.getAttribute('start') ?? '1'}.` : null,
          };
        }));
        return;
      }

      const scope = click.kind === 'switch' ? page.locator('header') : page.locator('.ac-adaptiveCard');
      const button = scope.getByRole('button', { name: click.title, exact: true }).last();
      await button.waitFor();
      await button.click();
    });
    if (click.expected) {
      // The newest match: a question can repeat words an earlier message already showed.
      await step(`wait for "${click.expected}"`, () => page.getByText(click.expected).last().waitFor());
    }
  }

  // Web Chat shows "Connecting…" while it (re)connects; a page stuck there is a failure, not a pose.
  await step('wait until connected', () => page.waitForFunction(
    () => ![...document.querySelectorAll('.webchat__connectivityStatus')].some(e => e.offsetParent !== null && /Connecting/.test(e.textContent)),
    null, { timeout: 15000 }));

  await step('screenshot', async () => {
    mkdirSync(dirname(options.screenshot), { recursive: true });
    await page.screenshot({ path: options.screenshot, fullPage: false });
  });

  result.transcript = await transcriptTexts();
  result.ok = true;
} catch (error) {
  result.error = String(error && error.message || error).split('\n').slice(0, 6).join('\n');
  if (page) {
    try {
      result.transcript = await transcriptTexts();
      const failure = options.screenshot.replace(/\.png$/, '') + '-failure.png';
      mkdirSync(dirname(failure), { recursive: true });
      await page.screenshot({ path: failure });
      result.failureScreenshot = failure;
    } catch {
      // The page itself is gone; the error above says why.
    }
  }
} finally {
  result.totalMs = Date.now() - started;
  if (context) await context.close().catch(() => {});
  rmSync(userDataDir, { recursive: true, force: true });
}

finish(result.ok ? 0 : 1);
