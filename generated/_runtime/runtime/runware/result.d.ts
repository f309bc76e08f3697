/** One result of a Runware task (the fields Runware documents for every task). */
export interface RunwareResult {
  taskType: string;
  taskUUID: string;
  status?: "processing" | "success" | "error";
  progress?: number;
  seed?: number;
  cost?: number;
  [key: string]: unknown;
}
/** One result of an image task (the fields Runware documents for it). */
export interface RunwareImageResult extends RunwareResult {
  imageUUID?: string;
  imageURL?: string;
  imageBase64Data?: string;
  imageDataURI?: string;
}
/** One result of a video task (the fields Runware documents for it). */
export interface RunwareVideoResult extends RunwareResult {
  videoUUID?: string;
  videoURL?: string;
}
/** One result of an audio task (the fields Runware documents for it). */
export interface RunwareAudioResult extends RunwareResult {
  audioUUID?: string;
  audioURL?: string;
}
