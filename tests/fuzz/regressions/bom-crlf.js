/* BOM, CRLF line ends and fixes near the start of the file. */
import Parse from "parse";
import { DrupalError } from "@drupal-js-sdk/error";
try { await new Parse.Query("X").find(); } catch (e) {
  if (e.code === 209) {}
  switch (e.code) { case 101: case -1: case 209: break; }
}
try { throw new DrupalError(42); } catch (e) { if (e.code === 42 || e.code === 1) {} }
const MESSAGES = { 209: "login", 101: "missing" };
console.log(MESSAGES[new Parse.Error(209).code], new Parse.Error(141, "x"));