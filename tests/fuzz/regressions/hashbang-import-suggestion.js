#!/usr/bin/env node
const drupal = require('drupal-js-sdk');
try { drupal.x(); } catch (e) { if (e.code === 42 || e.getErrorCode() === 100) {} }
