import Ajv2020 from "ajv/dist/2020.js";
const schema = {"type":"object","additionalProperties":false,"properties":{"taskType":{"const":"videoInference"},"taskUUID":{"type":"string"},"model":{"const":"m"},"has:a":{"type":"string","enum":["p","q"]},"Result":{"type":"object","additionalProperties":false,"properties":{"A":{"type":"boolean"},"a~b":{"type":"boolean"},"toString":{"type":"string","enum":["p","q"]}}},"~1":{"type":"string","enum":["p","q"]}},
"required":["taskType","taskUUID","model"],
"allOf":[{"if":{"required":["Result"],"properties":{"Result":{"required":["A"]}}},"then":{"properties":{"Result":{"not":{"required":["a~b"]}}}}},{"oneOf":[{"required":["has:a"]},{"required":["Result"],"properties":{"Result":{"required":["a~b"]}}}]},{"anyOf":[{"required":["Result"],"properties":{"Result":{"required":["toString"]}}},{"required":["Result"],"properties":{"Result":{"required":["a~b"]}}}]}]};
const ajv = new Ajv2020.default({ strict: false, allErrors: true });
const v = ajv.compile(schema);
const p = {"taskType":"videoInference","taskUUID":"x","model":"m","Result":{"a~b":false}};
console.log(v(p), JSON.stringify(v.errors));
