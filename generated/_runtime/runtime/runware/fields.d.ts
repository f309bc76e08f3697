/**
 * Runware's task fields that most of its models describe in these words, written once: a model's interface extends
 * Pick<…> of those it declares in the same words, so an editor shows these words on hover (its members say @inheritDoc where a mode has words too).
 * Types, defaults and constraints are the model's own (its index.d.ts and README.md); these members are unknown.
 * Last, the declarations its models write word for word (ErrorResponse): a model with the same one re-exports it.
 */
/**
 * The fields of a task.
 */
export interface RunwareTaskFields {
  /**
   * Model
   * Identifier of the model to use for generation.
   */
  model?: unknown;
  /**
   * Inputs
   * The unified payload wrapper for complex media assets dictating image, video or audio inference constraints.
   */
  inputs?: unknown;
  /**
   * Positive Prompt
   * Text prompt describing elements to include in the generated output.
   */
  positivePrompt?: unknown;
  /**
   * Width
   * Width of the generated media in pixels.
   */
  width?: unknown;
  /**
   * Height
   * Height of the generated media in pixels.
   */
  height?: unknown;
  /**
   * Resolution
   * Resolution preset for the output. When used with input media, automatically matches the aspect ratio from the input.
   */
  resolution?: unknown;
  /**
   * Duration
   * Length of the generated video in seconds. The total number of frames produced is determined by duration multiplied by the model's frame rate (fps).
   */
  duration?: unknown;
  /**
   * Seed
   * Random seed for reproducible generation. When not provided, a random seed is generated in the unsigned 32-bit range.
   */
  seed?: unknown;
  /**
   * Task Type
   * Identifier for the type of task being performed
   */
  taskType?: unknown;
  /**
   * Task UUID
   * UUID v4 identifier for tracking tasks and matching async responses. Must be unique per task.
   */
  taskUUID?: unknown;
  /**
   * Webhook URL
   * Specifies a webhook URL where JSON responses will be sent via HTTP POST when generation tasks complete. For batch requests with multiple results, each completed item triggers a separate webhook call as it becomes available.
   */
  webhookURL?: unknown;
  /**
   * Include Cost
   * Include task cost in the response.
   */
  includeCost?: unknown;
  /**
   * Number of Results
   * Number of results to generate. Each result uses a different seed, producing variations of the same parameters.
   */
  numberResults?: unknown;
  /**
   * Upload Endpoint
   * Specifies a URL where the generated content will be automatically uploaded using the HTTP PUT method. The raw binary data of the media file is sent directly as the request body. For secure uploads to cloud storage, use presigned URLs that include temporary authentication credentials.
   *
   * **Common use cases:**
   *
   * - **Cloud storage**: Upload directly to S3 buckets, Google Cloud Storage, or Azure Blob Storage using presigned URLs.
   * - **CDN integration**: Upload to content delivery networks for immediate distribution.
   *
   * ```text
   * // S3 presigned URL for secure upload
   * https://your-bucket.s3.amazonaws.com/generated/content.mp4?X-Amz-Signature=abc123&X-Amz-Expires=3600
   *
   * // Google Cloud Storage presigned URL
   * https://storage.googleapis.com/your-bucket/content.jpg?X-Goog-Signature=xyz789
   *
   * // Custom storage endpoint
   * https://storage.example.com/uploads/generated-image.jpg
   * ```
   *
   * The content data will be sent as the request body to the specified URL when generation is complete.
   */
  uploadEndpoint?: unknown;
  /**
   * TTL
   * Time-to-live (TTL) in seconds for generated content. Only applies when `outputType` is `URL`.
   */
  ttl?: unknown;
  /**
   * Output Format
   * Specifies the file format of the generated output. The available values depend on the task type and the specific model's capabilities.
   *
   * - \`JPG\`: Best for photorealistic images with smaller file sizes (no transparency).
   * - \`PNG\`: Lossless compression, supports high quality and transparency (alpha channel).
   * - \`WEBP\`: Modern format providing superior compression and transparency support.
   * - \`MP4\`: Widely supported video container (H.264), recommended for general use.
   * - \`WEBM\`: Optimized for web delivery.
   * - \`MOV\`: QuickTime format, common in professional workflows (Apple ecosystem).
   * - \`GIF\`: Animated image format (no audio), suitable for short loops or previews.
   * - \`MP3\`: Compressed audio, smaller file size.
   * - \`WAV\`: Uncompressed, high-quality audio.
   * - \`FLAC\`: Lossless compression.
   * - \`OGG\`: Open-source compressed audio format (Vorbis codec).
   * - \`SVG\`: Scalable Vector Graphics.
   * - \`TIFF\`: High-quality output supporting layers.
   * - \`GLB\`: Binary glTF format for 3D models, including geometry, textures, and PBR materials.
   *
   * > [!NOTE]
   * > \*\*Transparency\*\*: If you are using features like background removal or LayerDiffuse that require transparency, you must select a format that supports an alpha channel (e.g., \`PNG\`, \`WEBP\`, \`TIFF\`). \`JPG\` does not support transparency.
   */
  outputFormat?: unknown;
  /**
   * Output Quality
   * Compression quality of the output. Higher values preserve quality but increase file size.
   */
  outputQuality?: unknown;
  /**
   * Delivery Method
   * Determines how the API delivers task results.
   */
  deliveryMethod?: unknown;
  /**
   * Safety Settings
   * Content safety checking configuration for video generation.
   */
  safety?: unknown;
}

/**
 * The fields of a task's `inputs`.
 */
export interface RunwareInputsFields {
  /**
   * Reference Images
   * List of reference images (UUID, URL, Data URI, or Base64).
   */
  referenceImages?: unknown;
  /**
   * Frame Images
   * An array of frame-specific image inputs to guide video generation. Each item can be either a plain image input (UUID, URL, Data URI, or Base64) or an object that pairs an image with a target position in the video.
   *
   * The `frameImages` parameter allows you to constrain specific frames within the video sequence, ensuring that particular visual content appears at designated points. Position can be specified using `frame` (named positions or frame indices) or `timestamp` (seconds), depending on model support. This is different from `referenceImages`, which provide overall visual guidance without constraining specific timeline positions.
   *
   * When the `frame` parameter is omitted, automatic distribution rules apply:
   *
   * - **1 image**: Used as the first frame.
   * - **2 images**: First and last frames.
   * - **3+ images**: First and last frames, with intermediate images evenly spaced between.
   *
   * **Examples**:
   *
   * **Shorthand format:** When you don't need to specify a frame position, you can pass a plain image input directly.
   *
   * ```json
   * "frameImages": [
   *   "aac49721-1964-481a-ae78-8a4e29b91402"
   * ]
   * ```
   *
   * **Object format:** When you need to specify a position, use an object with `image` and either `frame` or `timestamp` (model-dependent).
   *
   * ```json
   * "frameImages": [
   *   {
   *     "image": "aac49721-1964-481a-ae78-8a4e29b91402",
   *     "frame": "first"
   *   }
   * ]
   * ```
   *
   * **First and last frames:** With two images, they automatically become the first and last frames of the video sequence. You can mix shorthand and object formats.
   *
   * ```json
   * "frameImages": [
   *   "aac49721-1964-481a-ae78-8a4e29b91402",
   *   {
   *     "image": "3ad204c3-a9de-4963-8a1a-c3911e3afafe",
   *     "frame": "last"
   *   }
   * ]
   * ```
   *
   * **Multiple frames:** With three or more images, the first and last are anchored while intermediate frames are evenly distributed across the timeline.
   *
   * ```json
   * "frameImages": [
   *   {
   *     "image": "aac49721-1964-481a-ae78-8a4e29b91402",
   *     "frame": "first"
   *   },
   *   "c00abf5f-6cdb-4642-a01d-1bfff7bc3cf7",
   *   {
   *     "image": "3ad204c3-a9de-4963-8a1a-c3911e3afafe",
   *     "frame": "last"
   *   }
   * ]
   * ```
   */
  frameImages?: unknown;
}

/**
 * The fields of a task's `safety`.
 */
export interface RunwareSafetyFields {
  /**
   * Check Content
   * Enable or disable content safety checking. Increases total generation time.
   */
  checkContent?: unknown;
  /**
   * Safety Mode
   * Safety checking mode for video generation.
   */
  mode?: unknown;
}

/**
 * Standard error response returned by the Runware API.
 */
export interface ErrorResponse {
  errors: {
    /**
     * A short identifier for the error (e.g., invalidApiKey, timeoutProvider).
     */
    code: string;
    /**
     * A human-readable explanation of what went wrong.
     */
    message: string;
    /**
     * The request parameter related to the error, if applicable.
     */
    parameter?: string;
    /**
     * The task type of the request that failed.
     */
    taskType?: string;
    /**
     * The unique identifier of the failed request.
     */
    taskUUID?: string;
    /**
     * A link to relevant documentation.
     */
    documentation?: string;
    [k: string]: unknown | undefined;
  }[];
}
