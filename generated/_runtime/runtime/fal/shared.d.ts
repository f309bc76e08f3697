/**
 * Object types fal's models declare word for word in their responses, written once: a model's response types name them.
 */
export interface FalFile {
  /**
   * The URL where the file can be downloaded from.
   */
  url: string;
  /**
   * The mime type of the file.
   */
  content_type?: string;
  /**
   * The name of the file. It will be auto-generated if not provided.
   */
  file_name?: string;
  /**
   * The size of the file in bytes.
   */
  file_size?: number;
  /**
   * File data
   */
  file_data?: string;
  [k: string]: unknown | undefined;
}

export interface FalFileNullable {
  /**
   * The URL where the file can be downloaded from.
   */
  url: string;
  /**
   * The mime type of the file.
   */
  content_type?: string | null;
  /**
   * The name of the file. It will be auto-generated if not provided.
   */
  file_name?: string | null;
  /**
   * The size of the file in bytes.
   */
  file_size?: number | null;
  [k: string]: unknown | undefined;
}

export interface FalVideoFileNullable {
  /**
   * The URL where the file can be downloaded from.
   */
  url: string;
  /**
   * The mime type of the file.
   */
  content_type?: string | null;
  /**
   * The name of the file. It will be auto-generated if not provided.
   */
  file_name?: string | null;
  /**
   * The size of the file in bytes.
   */
  file_size?: number | null;
  /**
   * The width of the video
   */
  width?: number | null;
  /**
   * The height of the video
   */
  height?: number | null;
  /**
   * The FPS of the video
   */
  fps?: number | null;
  /**
   * The duration of the video
   */
  duration?: number | null;
  /**
   * The number of frames in the video
   */
  num_frames?: number | null;
  [k: string]: unknown | undefined;
}

export interface FalVideoFile {
  /**
   * The URL where the file can be downloaded from.
   */
  url: string;
  /**
   * The mime type of the file.
   */
  content_type?: string;
  /**
   * The name of the file. It will be auto-generated if not provided.
   */
  file_name?: string;
  /**
   * The size of the file in bytes.
   */
  file_size?: number;
  /**
   * File data
   */
  file_data?: string;
  /**
   * The width of the video
   */
  width?: number;
  /**
   * The height of the video
   */
  height?: number;
  /**
   * The FPS of the video
   */
  fps?: number;
  /**
   * The duration of the video
   */
  duration?: number;
  /**
   * The number of frames in the video
   */
  num_frames?: number;
  [k: string]: unknown | undefined;
}
