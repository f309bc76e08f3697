export { closestIds, modelLoader, UnknownModelError } from "./lookup.js";
