// PostGraphile 5 asks for Node 22; on Node 20 it only misses these (loaded with `node -r`).
Promise.withResolvers ??= function withResolvers() {
  let resolve, reject;
  const promise = new this((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};
