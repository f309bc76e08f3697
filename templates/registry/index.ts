// What the generated registry (index.js) imports at run time: loadModel's lookup and its error.
export { closestIds, modelLoader, UnknownModelError } from "./lookup.js";
