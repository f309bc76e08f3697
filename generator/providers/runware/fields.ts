// The task fields most of Runware's models declare with the same title and description (in Runware's own words, from
// its model specs), written once in the shipped runtime: _runtime/runtime/runware/fields.d.ts for the editor (a
// model's interface extends Pick<RunwareTaskFields, …> of those it shares, its own members say @inheritDoc) and
// _runtime/runware-fields.md for a person (a model's README links each to its section). A model whose words for a field
// differ keeps them in its own files: only identical words are shared (emit/shared-fields.ts compares them).
import type { SharedFieldsDoc } from "../provider.js";

export const RUNWARE_FIELDS: SharedFieldsDoc = {
  provider: "Runware",
  page: "runware-fields.md",
  declarations: "runtime/runware/fields.d.ts",
  places: [
    {
      place: "",
      type: "RunwareTaskFields",
      fields: [
        { name: "model", title: "Model", description: "Identifier of the model to use for generation." },
        { name: "inputs", title: "Inputs", description: "The unified payload wrapper for complex media assets dictating image, video or audio inference constraints." },
        { name: "positivePrompt", title: "Positive Prompt", description: "Text prompt describing elements to include in the generated output." },
        { name: "width", title: "Width", description: "Width of the generated media in pixels." },
        { name: "height", title: "Height", description: "Height of the generated media in pixels." },
        { name: "resolution", title: "Resolution", description: "Resolution preset for the output. When used with input media, automatically matches the aspect ratio from the input." },
        { name: "duration", title: "Duration", description: "Length of the generated video in seconds. The total number of frames produced is determined by duration multiplied by the model's frame rate (fps)." },
        { name: "seed", title: "Seed", description: "Random seed for reproducible generation. When not provided, a random seed is generated in the unsigned 32-bit range." },
        { name: "taskType", title: "Task Type", description: "Identifier for the type of task being performed" },
        { name: "taskUUID", title: "Task UUID", description: "UUID v4 identifier for tracking tasks and matching async responses. Must be unique per task." },
        { name: "webhookURL", title: "Webhook URL", description: "Specifies a webhook URL where JSON responses will be sent via HTTP POST when generation tasks complete. For batch requests with multiple results, each completed item triggers a separate webhook call as it becomes available." },
        { name: "includeCost", title: "Include Cost", description: "Include task cost in the response." },
        { name: "numberResults", title: "Number of Results", description: "Number of results to generate. Each result uses a different seed, producing variations of the same parameters." },
        { name: "uploadEndpoint", title: "Upload Endpoint", description: "Specifies a URL where the generated content will be automatically uploaded using the HTTP PUT method. The raw binary data of the media file is sent directly as the request body. For secure uploads to cloud storage, use presigned URLs that include temporary authentication credentials.\n\n**Common use cases:**\n\n- **Cloud storage**: Upload directly to S3 buckets, Google Cloud Storage, or Azure Blob Storage using presigned URLs.\n- **CDN integration**: Upload to content delivery networks for immediate distribution.\n\n```text\n// S3 presigned URL for secure upload\nhttps://your-bucket.s3.amazonaws.com/generated/content.mp4?X-Amz-Signature=abc123&X-Amz-Expires=3600\n\n// Google Cloud Storage presigned URL\nhttps://storage.googleapis.com/your-bucket/content.jpg?X-Goog-Signature=xyz789\n\n// Custom storage endpoint\nhttps://storage.example.com/uploads/generated-image.jpg\n```\n\nThe content data will be sent as the request body to the specified URL when generation is complete." },
        { name: "ttl", title: "TTL", description: "Time-to-live (TTL) in seconds for generated content. Only applies when `outputType` is `URL`." },
        { name: "outputFormat", title: "Output Format", description: "Specifies the file format of the generated output. The available values depend on the task type and the specific model's capabilities.\n\n- \\`JPG\\`: Best for photorealistic images with smaller file sizes (no transparency).\n- \\`PNG\\`: Lossless compression, supports high quality and transparency (alpha channel).\n- \\`WEBP\\`: Modern format providing superior compression and transparency support.\n- \\`MP4\\`: Widely supported video container (H.264), recommended for general use.\n- \\`WEBM\\`: Optimized for web delivery.\n- \\`MOV\\`: QuickTime format, common in professional workflows (Apple ecosystem).\n- \\`GIF\\`: Animated image format (no audio), suitable for short loops or previews.\n- \\`MP3\\`: Compressed audio, smaller file size.\n- \\`WAV\\`: Uncompressed, high-quality audio.\n- \\`FLAC\\`: Lossless compression.\n- \\`OGG\\`: Open-source compressed audio format (Vorbis codec).\n- \\`SVG\\`: Scalable Vector Graphics.\n- \\`TIFF\\`: High-quality output supporting layers.\n- \\`GLB\\`: Binary glTF format for 3D models, including geometry, textures, and PBR materials.\n\n> [!NOTE]\n> \\*\\*Transparency\\*\\*: If you are using features like background removal or LayerDiffuse that require transparency, you must select a format that supports an alpha channel (e.g., \\`PNG\\`, \\`WEBP\\`, \\`TIFF\\`). \\`JPG\\` does not support transparency." },
        { name: "outputQuality", title: "Output Quality", description: "Compression quality of the output. Higher values preserve quality but increase file size." },
        { name: "deliveryMethod", title: "Delivery Method", description: "Determines how the API delivers task results." },
        { name: "safety", title: "Safety Settings", description: "Content safety checking configuration for video generation." },
      ],
    },
    {
      place: "inputs",
      type: "RunwareInputsFields",
      fields: [
        { name: "referenceImages", title: "Reference Images", description: "List of reference images (UUID, URL, Data URI, or Base64)." },
        { name: "frameImages", title: "Frame Images", description: "An array of frame-specific image inputs to guide video generation. Each item can be either a plain image input (UUID, URL, Data URI, or Base64) or an object that pairs an image with a target position in the video.\n\nThe `frameImages` parameter allows you to constrain specific frames within the video sequence, ensuring that particular visual content appears at designated points. Position can be specified using `frame` (named positions or frame indices) or `timestamp` (seconds), depending on model support. This is different from `referenceImages`, which provide overall visual guidance without constraining specific timeline positions.\n\nWhen the `frame` parameter is omitted, automatic distribution rules apply:\n\n- **1 image**: Used as the first frame.\n- **2 images**: First and last frames.\n- **3+ images**: First and last frames, with intermediate images evenly spaced between.\n\n**Examples**:\n\n**Shorthand format:** When you don't need to specify a frame position, you can pass a plain image input directly.\n\n```json\n\"frameImages\": [\n  \"aac49721-1964-481a-ae78-8a4e29b91402\"\n]\n```\n\n**Object format:** When you need to specify a position, use an object with `image` and either `frame` or `timestamp` (model-dependent).\n\n```json\n\"frameImages\": [\n  {\n    \"image\": \"aac49721-1964-481a-ae78-8a4e29b91402\",\n    \"frame\": \"first\"\n  }\n]\n```\n\n**First and last frames:** With two images, they automatically become the first and last frames of the video sequence. You can mix shorthand and object formats.\n\n```json\n\"frameImages\": [\n  \"aac49721-1964-481a-ae78-8a4e29b91402\",\n  {\n    \"image\": \"3ad204c3-a9de-4963-8a1a-c3911e3afafe\",\n    \"frame\": \"last\"\n  }\n]\n```\n\n**Multiple frames:** With three or more images, the first and last are anchored while intermediate frames are evenly distributed across the timeline.\n\n```json\n\"frameImages\": [\n  {\n    \"image\": \"aac49721-1964-481a-ae78-8a4e29b91402\",\n    \"frame\": \"first\"\n  },\n  \"c00abf5f-6cdb-4642-a01d-1bfff7bc3cf7\",\n  {\n    \"image\": \"3ad204c3-a9de-4963-8a1a-c3911e3afafe\",\n    \"frame\": \"last\"\n  }\n]\n```" },
      ],
    },
    {
      place: "safety",
      type: "RunwareSafetyFields",
      fields: [
        { name: "checkContent", title: "Check Content", description: "Enable or disable content safety checking. Increases total generation time." },
        { name: "mode", title: "Safety Mode", description: "Safety checking mode for video generation." },
      ],
    },
  ],
  // Runware's standard error answer (components.schemas.ErrorResponse) as json-schema-to-typescript declares it: a
  // model whose ErrorResponse is this text, word for word, re-exports the runtime's.
  types: [
    {
      name: "ErrorResponse",
      text: [
        "/**",
        " * Standard error response returned by the Runware API.",
        " */",
        "export interface ErrorResponse {",
        "errors: {",
        "/**",
        " * A short identifier for the error (e.g., invalidApiKey, timeoutProvider).",
        " */",
        "code: string",
        "/**",
        " * A human-readable explanation of what went wrong.",
        " */",
        "message: string",
        "/**",
        " * The request parameter related to the error, if applicable.",
        " */",
        "parameter?: string",
        "/**",
        " * The task type of the request that failed.",
        " */",
        "taskType?: string",
        "/**",
        " * The unique identifier of the failed request.",
        " */",
        "taskUUID?: string",
        "/**",
        " * A link to relevant documentation.",
        " */",
        "documentation?: string",
        "[k: string]: unknown | undefined",
        "}[]",
        "}",
      ].join("\n") + "\n",
    },
  ],
};
