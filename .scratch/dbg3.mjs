import Ajv2020 from "ajv/dist/2020.js";
const ajv = new Ajv2020.default({ strict: false, ownProperties: true, allErrors: true });
const s = JSON.parse('{"type":"object","additionalProperties":false,"properties":{"~1":{"type":"boolean"},"b":{"type":"string","enum":["p","q"]},"__proto__":{"type":"boolean"}},"allOf":[{"anyOf":[{"required":["__proto__"]},{"required":["~1"]}]}]}');
const v = ajv.compile(s);
const d = JSON.parse('{"b":"p","__proto__":true}');
console.log(Object.keys(d), v(d), JSON.stringify(v.errors));
