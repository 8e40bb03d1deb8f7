// 40 nested levels: try/catch, switch, async arrows, loops and labelled ifs, codes at every level.
import Parse from "parse";
import { DrupalError } from "@drupal-js-sdk/error";
export async function deep() {
try { await new Parse.Query("L0").find(); } catch (e0) { if (e0.code === 209) throw e0;
switch (e0.code) { case 101: case -1: case Parse.Error.INVALID_SESSION_TOKEN: case 1: {
await (async (x2) => { if ([209, 2, -1].includes(e0?.code)) { const { code } = e0; if (code === 202) {
for (let attempt = 0; attempt < 3; attempt++) { if (e0.code === 100 || e0.code === 3) continue; const m3 = { 209: "a", 3: "b" }[e0.code]; new DrupalError(3); {
label4: if (e0.code ?? 4) { e0.code ||= 4; throw new Parse.Error(e0.code || 141, "x"); } else {
try { await new Parse.Query("L5").find(); } catch (e5) { if (e5.code === 209) throw e5;
switch (e5.code) { case 106: case -1: case Parse.Error.INVALID_SESSION_TOKEN: case 6: {
await (async (x7) => { if ([209, 7, -1].includes(e5?.code)) { const { code } = e5; if (code === 207) {
for (let attempt = 0; attempt < 3; attempt++) { if (e5.code === 100 || e5.code === 8) continue; const m8 = { 209: "a", 8: "b" }[e5.code]; new DrupalError(8); {
label9: if (e5.code ?? 9) { e5.code ||= 9; throw new Parse.Error(e5.code || 141, "x"); } else {
try { await new Parse.Query("L10").find(); } catch (e10) { if (e10.code === 209) throw e10;
switch (e10.code) { case 111: case -1: case Parse.Error.INVALID_SESSION_TOKEN: case 11: {
await (async (x12) => { if ([209, 12, -1].includes(e10?.code)) { const { code } = e10; if (code === 212) {
for (let attempt = 0; attempt < 3; attempt++) { if (e10.code === 100 || e10.code === 13) continue; const m13 = { 209: "a", 13: "b" }[e10.code]; new DrupalError(13); {
label14: if (e10.code ?? 14) { e10.code ||= 14; throw new Parse.Error(e10.code || 141, "x"); } else {
try { await new Parse.Query("L15").find(); } catch (e15) { if (e15.code === 209) throw e15;
switch (e15.code) { case 116: case -1: case Parse.Error.INVALID_SESSION_TOKEN: case 16: {
await (async (x17) => { if ([209, 17, -1].includes(e15?.code)) { const { code } = e15; if (code === 217) {
for (let attempt = 0; attempt < 3; attempt++) { if (e15.code === 100 || e15.code === 18) continue; const m18 = { 209: "a", 18: "b" }[e15.code]; new DrupalError(18); {
label19: if (e15.code ?? 19) { e15.code ||= 19; throw new Parse.Error(e15.code || 141, "x"); } else {
try { await new Parse.Query("L20").find(); } catch (e20) { if (e20.code === 209) throw e20;
switch (e20.code) { case 121: case -1: case Parse.Error.INVALID_SESSION_TOKEN: case 21: {
await (async (x22) => { if ([209, 22, -1].includes(e20?.code)) { const { code } = e20; if (code === 222) {
for (let attempt = 0; attempt < 3; attempt++) { if (e20.code === 100 || e20.code === 23) continue; const m23 = { 209: "a", 23: "b" }[e20.code]; new DrupalError(23); {
label24: if (e20.code ?? 24) { e20.code ||= 24; throw new Parse.Error(e20.code || 141, "x"); } else {
try { await new Parse.Query("L25").find(); } catch (e25) { if (e25.code === 209) throw e25;
switch (e25.code) { case 126: case -1: case Parse.Error.INVALID_SESSION_TOKEN: case 26: {
await (async (x27) => { if ([209, 27, -1].includes(e25?.code)) { const { code } = e25; if (code === 227) {
for (let attempt = 0; attempt < 3; attempt++) { if (e25.code === 100 || e25.code === 28) continue; const m28 = { 209: "a", 28: "b" }[e25.code]; new DrupalError(28); {
label29: if (e25.code ?? 29) { e25.code ||= 29; throw new Parse.Error(e25.code || 141, "x"); } else {
try { await new Parse.Query("L30").find(); } catch (e30) { if (e30.code === 209) throw e30;
switch (e30.code) { case 131: case -1: case Parse.Error.INVALID_SESSION_TOKEN: case 31: {
await (async (x32) => { if ([209, 32, -1].includes(e30?.code)) { const { code } = e30; if (code === 232) {
for (let attempt = 0; attempt < 3; attempt++) { if (e30.code === 100 || e30.code === 33) continue; const m33 = { 209: "a", 33: "b" }[e30.code]; new DrupalError(33); {
label34: if (e30.code ?? 34) { e30.code ||= 34; throw new Parse.Error(e30.code || 141, "x"); } else {
try { await new Parse.Query("L35").find(); } catch (e35) { if (e35.code === 209) throw e35;
switch (e35.code) { case 136: case -1: case Parse.Error.INVALID_SESSION_TOKEN: case 36: {
await (async (x37) => { if ([209, 37, -1].includes(e35?.code)) { const { code } = e35; if (code === 237) {
for (let attempt = 0; attempt < 3; attempt++) { if (e35.code === 100 || e35.code === 38) continue; const m38 = { 209: "a", 38: "b" }[e35.code]; new DrupalError(38); {
label39: if (e35.code ?? 39) { e35.code ||= 39; throw new Parse.Error(e35.code || 141, "x"); } else {
console.log(Parse.Error.INVALID_SESION_TOKEN);
}
} }
} } })(e35);
} }
}
}
} }
} } })(e30);
} }
}
}
} }
} } })(e25);
} }
}
}
} }
} } })(e20);
} }
}
}
} }
} } })(e15);
} }
}
}
} }
} } })(e10);
} }
}
}
} }
} } })(e5);
} }
}
}
} }
} } })(e0);
} }
}
}
