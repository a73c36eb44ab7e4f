import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ADMIN, launchBrowser, loginUi, newContext, screenshot, startServer, type RunningServer } from './support.js';

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('staff sign in, see the role-aware shell, switch to English and sign out', async () => {
  const context = await newContext(browser, 'desktop');
  const page = await context.newPage();
  await page.goto(`${server.url}/masuk`);
  await screenshot(page, 'shell-login');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Kata sandi').fill('wrong-password-x');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('alert').waitFor();
  assert.equal(await page.getByRole('alert').textContent(), 'Email atau kata sandi salah.');
  await screenshot(page, 'shell-login-error');

  await loginUi(page, server.url, ADMIN.email, ADMIN.password);
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  const nav = page.getByRole('navigation', { name: 'Menu petugas' });
  assert.ok(await nav.getByRole('link', { name: 'Pengguna' }).isVisible());
  assert.ok(await nav.getByRole('link', { name: 'Log audit' }).isVisible());
  await screenshot(page, 'shell-staff-home');

  await page.getByRole('button', { name: 'EN' }).click();
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
  await page.getByRole('navigation', { name: 'Staff menu' }).getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('heading', { name: 'Audit log' }).waitFor();
  await page.getByRole('cell', { name: 'auth.login', exact: true }).first().waitFor();
  await screenshot(page, 'shell-audit-en');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/masuk/);
  await context.close();
});

test('a phone-sized screen gets the same shell without horizontal scrolling', async () => {
  const context = await newContext(browser, 'phone');
  const page = await context.newPage();
  await loginUi(page, server.url, ADMIN.email, ADMIN.password);
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await screenshot(page, 'shell-staff-home-phone');
  await context.close();
});

test('the API documentation is browsable', async () => {
  const context = await newContext(browser, 'desktop');
  const page = await context.newPage();
  await page.goto(`${server.url}/api/docs`);
  await page.getByText('Layan API').first().waitFor();
  await screenshot(page, 'shell-api-docs', { fullPage: false });
  await context.close();
});
