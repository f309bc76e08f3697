// What the Runware submit and poll steps share: the binding, settings and one transport.
export {};
